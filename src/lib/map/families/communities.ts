import { COLORINGS } from '../colorings';
import { viewFilter } from '../filter';
import type { LayerFamily } from './types';

export const COMMUNITIES = 'communities';

export const communities = {
	id: 'communities',
	sources: (atlas) => ({
		[COMMUNITIES]: { type: 'geojson', data: atlas.communities, promoteId: 'id', attribution: '小区与楼栋：示例数据' }
	}),
	layers: ({ view, coloring }) => {
		const color = COLORINGS[view.colorBy].expression(coloring);
		const filter = viewFilter(view);
		return [
			{
				id: 'communities-fill',
				type: 'fill',
				source: COMMUNITIES,
				filter,
				paint: { 'fill-color': color, 'fill-opacity': ['interpolate', ['linear'], ['zoom'], 10, 0.85, 15, 0.25] }
			},
			{
				id: 'communities-line',
				type: 'line',
				source: COMMUNITIES,
				filter,
				paint: { 'line-color': color, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 2, 16, 3] }
			}
		];
	},
	clickable: { 'communities-fill': 'community' }
} satisfies LayerFamily;
