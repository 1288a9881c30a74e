import type { ExpressionSpecification, FilterSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { PIPE_STATES, type PipeState } from '$lib/domain/pipes';
import { PIPE_COLORS, PIPE_STATE_STYLE, pipeColor } from '../pipe-palette';
import type { Settings } from '../view';
import type { LayerFamily } from './types';

export const PIPES = 'pipes';
/** The endpoint answers staff only; the view holds pipelines for staff only (view.ts). */
export const PIPES_URL = '/api/pipes';
/** Below this zoom a community's pipes are a smear: the district view shows none. */
export const PIPES_MINZOOM = 15;

const byType = (view: Settings): ExpressionSpecification => ['in', ['get', 'type'], ['literal', view.pipes]];
const [[firstType, firstColor], ...otherColors] = Object.entries(PIPE_COLORS);
const colorByType: ExpressionSpecification = ['match', ['get', 'type'], firstType, firstColor, ...otherColors.flat(), '#000000'];
const isFeature = (kind: 'segment' | 'node'): ExpressionSpecification => ['==', ['get', 'feature'], kind];
const inState = (state: PipeState): ExpressionSpecification => ['==', ['get', 'state'], state];
const width = (factor: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], PIPES_MINZOOM, 1.2 * factor, 19, 3 * factor];

/** One line layer per state: MapLibre cannot vary a dash pattern by feature. */
function stateLine(view: Settings, state: PipeState): LayerSpecification {
	const { dash, width: factor } = PIPE_STATE_STYLE[state];
	return {
		id: `pipes-${state}`,
		type: 'line',
		source: PIPES,
		minzoom: PIPES_MINZOOM,
		filter: ['all', isFeature('segment'), byType(view), inState(state)] as FilterSpecification,
		layout: { 'line-cap': dash ? 'butt' : 'round', 'line-join': 'round' },
		paint: { 'line-color': state === 'abandoned' ? pipeColor('water', state) : colorByType, 'line-width': width(factor), ...(dash ? { 'line-dasharray': dash } : {}) }
	};
}

/**
 * The underground pipelines (地下管线) in the CJJ 61 colours, one line per state, manholes
 * and valves as small dots, for staff who switched them on. The data is a URL MapLibre
 * fetches only while a network is shown (the underground view reads it from there too).
 */
export const pipes = {
	id: 'pipes',
	viewSources: ({ view }): Record<string, SourceSpecification> => (view.pipes.length ? { [PIPES]: { type: 'geojson', data: PIPES_URL, promoteId: 'id' } } : {}),
	layers: ({ view }) => {
		// In the underground view deck.gl draws them at depth instead.
		if (!view.pipes.length || view.underground) return [];
		const segments = ['all', isFeature('segment'), byType(view), ['!=', ['get', 'state'], 'abandoned']] as FilterSpecification;
		return [
			// A dark casing, so the standard's cyan and green read on a pale map.
			{ id: 'pipes-casing', type: 'line', source: PIPES, minzoom: PIPES_MINZOOM, filter: segments, paint: { 'line-color': '#1d2630', 'line-opacity': 0.55, 'line-width': width(2) } },
			...PIPE_STATES.map((state) => stateLine(view, state)),
			{
				id: 'pipes-nodes',
				type: 'circle',
				source: PIPES,
				minzoom: 16,
				filter: ['all', isFeature('node'), byType(view)] as FilterSpecification,
				paint: {
					'circle-radius': ['interpolate', ['linear'], ['zoom'], 16, 2.2, 19, 5],
					'circle-color': '#ffffff',
					'circle-stroke-color': colorByType,
					'circle-stroke-width': 1.5
				}
			}
		];
	},
	clickable: Object.fromEntries(PIPE_STATES.map((state) => [`pipes-${state}`, 'pipe' as const]))
} satisfies LayerFamily;
