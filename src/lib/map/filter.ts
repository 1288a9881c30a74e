import type { ExpressionSpecification } from 'maplibre-gl';
import type { Stage } from '$lib/domain/stages';
import type { View } from './view';

/** The properties filtering looks at; communities and buildings both carry them. */
export interface Filterable {
	batchYear: number | null;
	stage: Stage | null;
	subdistrictCode: string;
}

/** The filter as a predicate, for lists and totals beside the map. */
export function matchesView(view: Pick<View, 'years' | 'stages' | 'subdistrict'>): (f: Filterable) => boolean {
	return (f) =>
		(view.years.length === 0 || (f.batchYear !== null && view.years.includes(f.batchYear))) &&
		(view.stages.length === 0 || (f.stage !== null && view.stages.includes(f.stage))) &&
		(view.subdistrict === null || f.subdistrictCode === view.subdistrict);
}

/** The same filter as a MapLibre expression, so the map and the lists never disagree. */
export function viewFilter(view: Pick<View, 'years' | 'stages' | 'subdistrict'>): ExpressionSpecification {
	const clauses: ExpressionSpecification[] = [];
	if (view.years.length) clauses.push(['in', ['get', 'batchYear'], ['literal', view.years]]);
	if (view.stages.length) clauses.push(['in', ['get', 'stage'], ['literal', view.stages]]);
	if (view.subdistrict) clauses.push(['==', ['get', 'subdistrictCode'], view.subdistrict]);
	return ['all', true, ...clauses];
}
