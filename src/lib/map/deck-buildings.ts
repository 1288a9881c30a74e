import { MapboxOverlay } from '@deck.gl/mapbox';
import { PolygonLayer } from '@deck.gl/layers';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { BuildingFeature } from '$lib/domain/types';
import { colorOf, hexToRgb } from './colors';
import { matchesView } from './filter';
import { SELECTION_COLOR } from './palette';
import type { Settings } from './view';

// deck.gl draws the 3D view. This module is imported dynamically when 3D is switched on,
// so the 2D map never downloads deck.gl.

export interface BuildingsOverlay {
	update(buildings: BuildingFeature[], view: Settings, yearColors: Map<number, string>): void;
	/** The code of the extruded building drawn at a screen point, if any. */
	pick(x: number, y: number): string | null;
	remove(): void;
}

export function addBuildingsOverlay(map: MapLibreMap): BuildingsOverlay {
	// Overlaid, not interleaved: interleaved mode threw on maplibre-gl 6 when tried here.
	const overlay = new MapboxOverlay({ interleaved: false, layers: [] });
	map.addControl(overlay);
	return {
		update(buildings, view, yearColors) {
			const visible = buildings.filter((b) => matchesView(view)(b.properties));
			const selected = view.selection?.kind === 'building' ? view.selection.code : null;
			overlay.setProps({
				layers: [
					new PolygonLayer<BuildingFeature>({
						id: 'buildings-3d',
						data: visible,
						extruded: true,
						wireframe: true,
						pickable: true,
						getPolygon: (b) => b.geometry.coordinates,
						getElevation: (b) => b.properties.heightM,
						getFillColor: (b) =>
							b.properties.code === selected
								? [...hexToRgb(SELECTION_COLOR), 255]
								: [...hexToRgb(colorOf(view.colorBy, yearColors, b.properties)), 235],
						getLineColor: [60, 60, 60, 160],
						material: { ambient: 0.45, diffuse: 0.6, shininess: 16 },
						updateTriggers: { getFillColor: [view.colorBy, selected, [...yearColors].join()] }
					})
				]
			});
		},
		pick(x, y) {
			const info = overlay.pickObject({ x, y, radius: 2, layerIds: ['buildings-3d'] });
			const object: BuildingFeature | undefined = info?.object;
			return object?.properties.code ?? null;
		},
		remove() {
			map.removeControl(overlay);
			overlay.finalize();
		}
	};
}
