import { COLORINGS } from '../colorings';
import { viewFilter } from '../filter';
import type { LayerFamily } from './types';

export const BUILDINGS = 'buildings';

export const buildings = {
	id: 'buildings',
	sources: (atlas) => ({ [BUILDINGS]: { type: 'geojson', data: atlas.buildings, promoteId: 'id' } }),
	layers: ({ view, coloring }) => {
		const filter = viewFilter(view);
		return [
			{
				id: 'buildings-fill',
				type: 'fill',
				source: BUILDINGS,
				filter,
				minzoom: 12,
				// In 3D deck.gl draws the buildings; the flat footprints stay faintly beneath.
				paint: { 'fill-color': COLORINGS[view.colorBy].expression(coloring), 'fill-opacity': view.threeD ? 0.35 : 0.9 }
			},
			{ id: 'buildings-line', type: 'line', source: BUILDINGS, filter, minzoom: 14, paint: { 'line-color': '#3d3d3d', 'line-width': 0.6 } }
		];
	},
	clickable: { 'buildings-fill': 'building' }
} satisfies LayerFamily;
