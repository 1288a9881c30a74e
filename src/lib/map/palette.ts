import { STAGES, type Stage } from '$lib/domain/stages';

// Chosen to stay apart on a washed-out projector and for the common colour-vision
// deficiencies (ColorBrewer Dark2 for categories, RdYlGn for progress).
const YEAR_PALETTE = ['#d95f02', '#7570b3', '#1b9e77', '#e7298a', '#66a61e', '#e6ab02', '#a6761d'];
export const NO_VALUE_COLOR = '#9e9e9e';

export const STAGE_COLORS: Record<Stage, string> = {
	preparation: '#bababa',
	approval: '#fee08b',
	tendering: '#fdae61',
	construction: '#f46d43',
	acceptance: '#66bd63',
	archived: '#1a9850'
};

/** A colour per batch year present in the data, stable in year order. */
export function yearColors(years: Iterable<number>): Map<number, string> {
	const sorted = [...new Set(years)].sort((a, b) => a - b);
	return new Map(sorted.map((year, i) => [year, YEAR_PALETTE[i % YEAR_PALETTE.length]]));
}

export interface LegendEntry {
	key: string;
	color: string;
}

export function stageLegend(): LegendEntry[] {
	return STAGES.map((stage) => ({ key: stage, color: STAGE_COLORS[stage] }));
}

export function yearLegend(colors: Map<number, string>): LegendEntry[] {
	return [...colors].map(([year, color]) => ({ key: String(year), color }));
}
