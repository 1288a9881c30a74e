import { MapboxOverlay } from '@deck.gl/mapbox';
import { PolygonLayer } from '@deck.gl/layers';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Atlas, BuildingFeature } from '$lib/domain/types';
import { COLORINGS } from './colorings';
import { matchesView } from './filter';
import type { LayerInput, Overlay } from './families/types';
import { SELECTION_COLOR } from './palette';
import { hexToRgb } from './pipe-palette';

// deck.gl draws the 3D view. The buildings-3d family imports this module dynamically when
// 3D is switched on, so the 2D map never downloads deck.gl.

/** The extruded buildings the view shows (the underground view draws them too, above its pipes). */
export function buildingsLayer(atlas: Atlas, { view, coloring }: LayerInput, alpha = 235) {
	const visible = atlas.buildings.features.filter((b) => matchesView(view)(b.properties));
	const selected = view.selection?.kind === 'building' ? view.selection.code : null;
	const { colorOf } = COLORINGS[view.colorBy];
	return new PolygonLayer<BuildingFeature>({
		id: 'buildings-3d',
		data: visible,
		extruded: true,
		wireframe: true,
		pickable: true,
		getPolygon: (b) => b.geometry.coordinates,
		getElevation: (b) => b.properties.heightM,
		getFillColor: (b) => (b.properties.code === selected ? [...hexToRgb(SELECTION_COLOR), 255] : [...hexToRgb(colorOf(b.properties, coloring)), alpha]),
		getLineColor: [60, 60, 60, 160],
		material: { ambient: 0.45, diffuse: 0.6, shininess: 16 },
		updateTriggers: { getFillColor: [view.colorBy, selected, [...coloring.yearColors].join()] }
	});
}

export function addBuildingsOverlay(map: MapLibreMap): Overlay {
	// Overlaid, not interleaved: interleaved mode threw on maplibre-gl 6 when tried here.
	const overlay = new MapboxOverlay({ interleaved: false, layers: [] });
	map.addControl(overlay);
	return {
		update(atlas, input) {
			overlay.setProps({ layers: [buildingsLayer(atlas, input)] });
		},
		pick(x, y) {
			const info = overlay.pickObject({ x, y, radius: 2, layerIds: ['buildings-3d'] });
			const object: BuildingFeature | undefined = info?.object;
			return object ? { kind: 'building', code: object.properties.code } : null;
		},
		remove() {
			map.removeControl(overlay);
			overlay.finalize();
		}
	};
}
