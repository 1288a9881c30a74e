import type { LineString, Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';

/** What the planner draws: a trench's centre line, a dig's area, or a cross-section's line of two points. */
export type SketchKind = 'line' | 'area' | 'section';

const ACCENT = '#1c7ed6';

/**
 * One throwaway drawing on a MapLibre map with terra-draw, for the pipeline tools: a line
 * (finished by clicking its last point again, or Enter), an area (closed on its first point)
 * or a cross-section line (finished on its second click). The finished shape is handed over
 * and removed from terra-draw's layers: the tools show it themselves, with their answer.
 */
export class Sketch {
	private readonly draw: TerraDraw;

	constructor(
		map: MapLibreMap,
		private readonly onfinish: (shape: LineString | Polygon) => void
	) {
		const line = { lineStringColor: ACCENT, lineStringWidth: 3 } as const;
		this.draw = new TerraDraw({
			adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: 'pipe-sketch' }),
			modes: [
				new TerraDrawLineStringMode({ modeName: 'line', styles: line }),
				new TerraDrawPolygonMode({ modeName: 'area', styles: { fillColor: ACCENT, outlineColor: ACCENT, fillOpacity: 0.2 } }),
				new TerraDrawLineStringMode({ modeName: 'section', finishOnNthCoordinate: 2, styles: line })
			]
		});
		this.draw.start();
		this.draw.on('finish', (id) => {
			const feature = this.draw.getSnapshotFeature(id);
			if (!feature) return;
			const geometry = feature.geometry;
			// Not inside terra-draw's own handler: it still works on the feature after 'finish'.
			setTimeout(() => this.stop());
			// terra-draw may keep more than longitude and latitude; the API takes exactly two.
			if (geometry.type === 'LineString') this.onfinish({ type: 'LineString', coordinates: geometry.coordinates.map(([x, y]) => [x, y]) });
			if (geometry.type === 'Polygon') this.onfinish({ type: 'Polygon', coordinates: geometry.coordinates.map((r) => r.map(([x, y]) => [x, y])) });
		});
	}

	/** Starts a new drawing of `kind`, dropping one under way. */
	start(kind: SketchKind): void {
		this.draw.clear();
		this.draw.setMode(kind);
	}

	/** Stops drawing: clicks on the map select again. */
	stop(): void {
		this.draw.clear();
		this.draw.setMode('static');
	}

	destroy(): void {
		this.draw.stop();
	}
}
