import type { ExpressionSpecification } from 'maplibre-gl';
import { viewFilter } from '../filter';
import { LATE_COLOR } from '../palette';
import { COMMUNITIES } from './communities';
import { POINTS } from './labels';
import type { LayerFamily } from './types';

/**
 * Communities running late (a planned milestone before their status date has not happened):
 * a dashed outline on the boundary and a ring round the dot, over whatever the colouring says,
 * so lateness shows in every colouring and without relying on hue alone.
 */
export const late = {
	id: 'late',
	layers: ({ view }) => {
		const filter: ExpressionSpecification = ['all', viewFilter(view), ['==', ['get', 'late'], true]];
		return [
			{
				id: 'late-line',
				type: 'line',
				source: COMMUNITIES,
				filter,
				paint: { 'line-color': LATE_COLOR, 'line-width': 2.5, 'line-dasharray': [2, 1.5] }
			},
			{
				id: 'late-ring',
				type: 'circle',
				source: POINTS,
				filter,
				maxzoom: 13,
				paint: {
					'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 8, 12, 11],
					'circle-opacity': 0,
					'circle-stroke-color': LATE_COLOR,
					'circle-stroke-width': 2.5
				}
			}
		];
	}
} satisfies LayerFamily;
