import { MapboxOverlay } from '@deck.gl/mapbox';
import { COORDINATE_SYSTEM, type CoordinateSystem } from '@deck.gl/core';
import { ColumnLayer, PathLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { Position } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, MapSourceDataEvent } from 'maplibre-gl';
import type { PipeNodeFeature, PipesCollection, PipeSegmentFeature } from '$lib/domain/pipes';
import type { Atlas } from '$lib/domain/types';
import { buildingsLayer } from './deck-buildings';
import { PIPES } from './families/pipes';
import type { LayerInput, Overlay } from './families/types';
import { hexToRgb, pipeColor } from './pipe-palette';
import { DEPTH_EXAGGERATION, pipeWidthM, undergroundPath } from './underground';

// The underground view (地下视图): pipes at their depth below a see-through ground, manholes
// as shafts, the buildings above, in one deck.gl scene so depth hides what is behind what.
// The pipes family's source has already fetched the data: it is read from MapLibre, not
// fetched a second time.

const GROUND: [number, number, number, number] = [226, 232, 238, 110];

/** The ground: a translucent plane at z = 0 over the data's extent, a little wider. */
function groundOf(data: PipesCollection): [number, number][] {
	const xs: number[] = [];
	const ys: number[] = [];
	for (const f of data.features) {
		const points = f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.coordinates;
		for (const [x, y] of points) xs.push(x), ys.push(y);
	}
	const pad = 0.002;
	const [w, s, e, n] = [Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) + pad, Math.max(...ys) + pad];
	return [[w, s], [e, s], [e, n], [w, n], [w, s]];
}

/** The endpoint's collection (pipes/read.ts) as segments and nodes, told apart by `feature`. */
export function splitPipes(collection: PipesCollection): Omit<PipeScene, 'ground'> {
	return {
		segments: collection.features.filter((f): f is PipeSegmentFeature => f.properties.feature === 'segment'),
		nodes: collection.features.filter((f): f is PipeNodeFeature => f.properties.feature === 'node')
	};
}

export interface PipeScene {
	segments: PipeSegmentFeature[];
	nodes: PipeNodeFeature[];
	/** The ground's outline, in the same coordinates as the features. */
	ground: Position[];
}

export interface PipeLayerOptions {
	shown: (f: PipeSegmentFeature | PipeNodeFeature) => boolean;
	selected: string | null;
	/** Where a position is drawn: at its stretched depth on the map, or in the view from below's metres. */
	at: (p: Position) => [number, number, number];
	/** The scene's coordinate system (the map's longitude/latitude unless told). */
	coordinateSystem?: CoordinateSystem;
}

const undergroundPoint = (p: Position) => undergroundPath([p])[0];

/** The pipes, their shafts and the veiling ground: the map's underground view and the view from below draw the same. */
export function pipeLayers(data: PipeScene, { shown, selected, at, coordinateSystem = COORDINATE_SYSTEM.DEFAULT }: PipeLayerOptions) {
	return [
		new PathLayer<PipeSegmentFeature>({
			id: 'underground-pipes',
			data: data.segments.filter(shown),
			coordinateSystem,
			pickable: true,
			widthUnits: 'meters',
			widthMinPixels: 2,
			capRounded: true,
			jointRounded: true,
			getPath: (f) => f.geometry.coordinates.map(at),
			getWidth: (f) => pipeWidthM(f.properties),
			getColor: (f) => (f.properties.id === selected ? [255, 255, 0, 255] : [...hexToRgb(pipeColor(f.properties.type, f.properties.state)), 255]),
			updateTriggers: { getColor: selected }
		}),
		new ColumnLayer<PipeNodeFeature>({
			id: 'underground-shafts',
			data: data.nodes.filter(shown),
			coordinateSystem,
			diskResolution: 12,
			radius: 0.5,
			extruded: true,
			getPosition: (f) => at(f.geometry.coordinates),
			getElevation: (f) => f.properties.depth_m * DEPTH_EXAGGERATION,
			getFillColor: (f) => [...hexToRgb(pipeColor(f.properties.type, f.properties.state)), 150]
		}),
		// Drawn after the pipes and without writing depth, so it veils what lies below
		// and hides nothing above.
		new SolidPolygonLayer({
			id: 'underground-ground',
			data: [{ polygon: data.ground.map(at) }],
			coordinateSystem,
			getPolygon: (d: { polygon: [number, number, number][] }) => d.polygon,
			getFillColor: GROUND,
			parameters: { depthWriteEnabled: false }
		})
	];
}

export function addUndergroundOverlay(map: MapLibreMap): Overlay {
	const overlay = new MapboxOverlay({ interleaved: false, layers: [] });
	map.addControl(overlay);
	let data: PipeScene | null = null;
	let last: [Atlas, LayerInput] | null = null;

	function draw() {
		if (!last) return;
		const [atlas, input] = last;
		const { view } = input;
		const shown = (f: PipeSegmentFeature | PipeNodeFeature) => view.pipes.includes(f.properties.type);
		const selected = view.selection?.kind === 'pipe' ? view.selection.code : null;
		overlay.setProps({
			layers: [...(data ? pipeLayers(data, { shown, selected, at: undergroundPoint }) : []), buildingsLayer(atlas, input, 200)]
		});
	}

	async function read() {
		const source = map.getSource<GeoJSONSource>(PIPES);
		if (!source || data) return;
		const geojson = await source.getData();
		if (geojson.type !== 'FeatureCollection' || !geojson.features.length) return;
		const collection = geojson as PipesCollection;
		data = { ...splitPipes(collection), ground: groundOf(collection) };
		draw();
	}
	const onData = (e: MapSourceDataEvent) => {
		if (e.sourceId === PIPES && e.isSourceLoaded) void read();
	};
	map.on('sourcedata', onData);
	void read();

	return {
		update(atlas, input) {
			last = [atlas, input];
			draw();
		},
		pick(x, y) {
			const info = overlay.pickObject({ x, y, radius: 3, layerIds: ['underground-pipes', 'buildings-3d'] });
			if (!info?.object) return null;
			if (info.layer?.id === 'buildings-3d') return { kind: 'building', code: info.object.properties.code };
			return { kind: 'pipe', code: info.object.properties.id };
		},
		remove() {
			map.off('sourcedata', onData);
			map.removeControl(overlay);
			overlay.finalize();
		}
	};
}
