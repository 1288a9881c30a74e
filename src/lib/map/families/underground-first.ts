import type { ExpressionSpecification } from 'maplibre-gl';
import { viewFilter } from '../filter';
import { UNDERGROUND_FIRST_COLOR } from '../palette';
import { COMMUNITIES } from './communities';
import { POINTS } from './labels';
import type { LayerFamily } from './types';

/**
 * Communities whose plan breaks "underground first, then above ground" (DOMAIN.md §3): a
 * dotted outline just inside the boundary and a wide ring round the dot, apart from the
 * late marks so a community can show both. Only staff's atlas carries the flag (it is
 * derived from the pipelines), so the public's map draws nothing here.
 */
export const undergroundFirst = {
	id: 'underground-first',
	layers: ({ view }) => {
		const filter: ExpressionSpecification = ['all', viewFilter(view), ['has', 'undergroundFirst']];
		return [
			{
				id: 'underground-first-line',
				type: 'line',
				source: COMMUNITIES,
				filter,
				paint: { 'line-color': UNDERGROUND_FIRST_COLOR, 'line-width': 2.5, 'line-offset': 3, 'line-dasharray': [0.6, 1.2] }
			},
			{
				id: 'underground-first-ring',
				type: 'circle',
				source: POINTS,
				filter,
				maxzoom: 13,
				paint: {
					'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 12, 12, 15],
					'circle-opacity': 0,
					'circle-stroke-color': UNDERGROUND_FIRST_COLOR,
					'circle-stroke-width': 2
				}
			}
		];
	}
} satisfies LayerFamily;
