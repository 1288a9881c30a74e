import type { Polygon } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode, type GeoJSONStoreFeatures } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { measure, type Measures } from './measure';

type FeatureId = string | number;

export interface GeometryEditorCallbacks {
	/**
	 * The shape after every change — each dragged corner, each corner clicked while drawing
	 * (then the ring closed back to the first one) — with its size; null when there is none yet.
	 */
	onchange(shape: Polygon | null, measures: Measures | null): void;
}

const SELECT = 'select';
const POLYGON = 'polygon';
const ACCENT = '#d9480f';

/**
 * The drawing tools on a MapLibre map, one shape at a time, with terra-draw: reshape a
 * polygon (drag its corners; drag an edge's midpoint to add one; the shape itself stays put,
 * so a slip of the mouse cannot move a building), or draw a new one corner by corner. It
 * owns only terra-draw's own sources and layers, drawn above the map's, and knows nothing
 * of communities or buildings: the caller says what to edit and what to do with the result,
 * so the map's owner can register it as a layer family. Nothing is saved here.
 */
export class GeometryEditor {
	private readonly draw: TerraDraw;
	private id: FeatureId | null = null;

	constructor(
		private readonly map: MapLibreMap,
		private readonly callbacks: GeometryEditorCallbacks
	) {
		this.draw = new TerraDraw({
			adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: 'geometry-editor' }),
			modes: [
				new TerraDrawSelectMode({
					flags: {
						[POLYGON]: {
							feature: {
								draggable: false,
								coordinates: { draggable: true, midpoints: true, deletable: true }
							}
						}
					},
					// Clicking beside the shape must not end the editing session.
					allowManualDeselection: false,
					styles: {
						selectedPolygonColor: ACCENT,
						selectedPolygonOutlineColor: ACCENT,
						selectedPolygonFillOpacity: 0.25,
						selectionPointColor: ACCENT,
						selectionPointWidth: 6,
						midPointColor: '#ffffff',
						midPointOutlineColor: ACCENT
					}
				}),
				new TerraDrawPolygonMode({ styles: { fillColor: ACCENT, outlineColor: ACCENT, fillOpacity: 0.25 } })
			]
		});
		this.draw.start();
		this.draw.on('change', () => this.report());
		// A new polygon is closed: go on reshaping it like any other.
		this.draw.on('finish', (id) => {
			if (this.draw.getMode() !== POLYGON) return;
			this.id = id;
			this.draw.setMode(SELECT);
			this.draw.selectFeature(id);
			this.report();
		});
	}

	/** Starts reshaping `shape` (the row's geometry as loaded). */
	reshape(shape: Polygon): void {
		this.clear();
		const [result] = this.draw.addFeatures([{ type: 'Feature', geometry: shape, properties: { mode: POLYGON } } as GeoJSONStoreFeatures]);
		if (!result?.valid || result.id === undefined) throw new Error(`the shape cannot be edited: ${result?.reason ?? 'unknown'}`);
		this.id = result.id;
		this.draw.setMode(SELECT);
		this.draw.selectFeature(this.id);
		this.report();
	}

	/** Starts drawing a new polygon. */
	drawNew(): void {
		this.clear();
		this.draw.setMode(POLYGON);
		this.report();
	}

	/** The shape as it stands: the one reshaped or drawn, or the one being drawn (closed), or null. */
	shape(): Polygon | null {
		const features = this.draw.getSnapshot().filter((f) => f.geometry.type === 'Polygon' && (this.id === null || f.id === this.id));
		const feature = features[features.length - 1];
		if (!feature) return null;
		const polygon = feature.geometry as Polygon;
		// While drawing, terra-draw keeps the ring closed; under three corners there is no area yet.
		return polygon.coordinates[0]?.length >= 4 ? { type: 'Polygon', coordinates: polygon.coordinates.map((r) => r.map(([x, y]) => [x, y])) } : null;
	}

	/** Removes the tools from the map. */
	destroy(): void {
		this.draw.stop();
	}

	private clear(): void {
		this.id = null;
		this.draw.clear();
	}

	private report(): void {
		const shape = this.shape();
		this.callbacks.onchange(shape, shape ? measure(shape) : null);
	}
}

/**
 * Shows a saved geometry on the map at once: replaces the geometry of feature `id` in the
 * GeoJSON source `sourceId` (the atlas's sources are keyed by row id, promoteId 'id'). The
 * map's owner reloads its data afterwards anyway; this spares the stale shape meanwhile.
 */
export async function showSavedGeometry(map: MapLibreMap, sourceId: string, id: string, geometry: GeoJSON.Geometry): Promise<void> {
	const source = map.getSource<GeoJSONSource>(sourceId);
	if (!source) return;
	const data = await source.getData();
	if (data.type !== 'FeatureCollection') return;
	const features = data.features.map((f) => (f.properties?.id === id || f.id === id ? { ...f, geometry } : f));
	source.setData({ ...data, features });
}

/** Adds a new feature (a building just drawn and saved) to the GeoJSON source `sourceId`. */
export async function showAddedFeature(map: MapLibreMap, sourceId: string, feature: GeoJSON.Feature): Promise<void> {
	const source = map.getSource<GeoJSONSource>(sourceId);
	if (!source) return;
	const data = await source.getData();
	if (data.type !== 'FeatureCollection') return;
	source.setData({ ...data, features: [...data.features, feature] });
}
