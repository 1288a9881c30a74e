import type { ExpressionSpecification } from 'maplibre-gl';
import { SELECTION_COLOR } from '../palette';
import { BUILDINGS } from './buildings';
import { COMMUNITIES } from './communities';
import type { LayerFamily, Picked } from './types';

export const selection = {
	id: 'selection',
	layers: ({ view }) => {
		const selected = (kind: Picked['kind']): ExpressionSpecification => ['==', ['get', 'code'], view.selection?.kind === kind ? view.selection.code : ''];
		return [
			{ id: 'selected-community', type: 'line', source: COMMUNITIES, filter: selected('community'), paint: { 'line-color': SELECTION_COLOR, 'line-width': 4 } },
			{ id: 'selected-building', type: 'line', source: BUILDINGS, filter: selected('building'), paint: { 'line-color': SELECTION_COLOR, 'line-width': 3 } }
		];
	}
} satisfies LayerFamily;
