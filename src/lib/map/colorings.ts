import type { ExpressionSpecification } from 'maplibre-gl';
import { isStage, STAGES } from '$lib/domain/stages';
import { NO_PLAN_COLOR, NO_VALUE_COLOR, PROGRESS_BINS, STAGE_COLORS } from './palette';

// The ways the map can colour communities and buildings, each one entry: its MapLibre
// expression, the same colour for deck.gl, and its legend. The view, the URL, the layers,
// the 3D view and the legend all read this table, so a new colouring is one entry here
// (plus its name in the i18n files).

/** The properties a colouring may read; communities and buildings both carry them. */
export interface Colored {
	batchYear: number | null;
	stage: string | null;
	progressPct: number | null;
}

/** What colourings are computed from besides a feature: colours fixed for the data shown. */
export interface ColoringInput {
	yearColors: Map<number, string>;
}

export interface LegendEntry {
	key: string;
	color: string;
	/** An i18n message id, or the text itself where there is nothing to translate (a year). */
	label: { message: string } | { text: string };
	/** Whether a feature falls under this entry, for the legend's counts. */
	has(feature: Colored): boolean;
}

export interface Coloring {
	expression(input: ColoringInput): ExpressionSpecification | string;
	colorOf(feature: Colored, input: ColoringInput): string;
	legend(input: ColoringInput): LegendEntry[];
}

function match(input: ExpressionSpecification, pairs: [string | number, string][]): ExpressionSpecification | string {
	if (pairs.length === 0) return NO_VALUE_COLOR;
	const [[label, output], ...rest] = pairs;
	return ['match', input, label, output, ...rest.flat(), NO_VALUE_COLOR];
}

const byYear: Coloring = {
	expression: ({ yearColors }) => match(['coalesce', ['get', 'batchYear'], 0], [...yearColors]),
	colorOf: (f, { yearColors }) => (f.batchYear !== null && yearColors.get(f.batchYear)) || NO_VALUE_COLOR,
	legend: ({ yearColors }) =>
		[...yearColors].map(([year, color]) => ({ key: String(year), color, label: { text: String(year) }, has: (f) => f.batchYear === year }))
};

const byStage: Coloring = {
	expression: () => match(['coalesce', ['get', 'stage'], ''], STAGES.map((s) => [s, STAGE_COLORS[s]])),
	colorOf: (f) => (isStage(f.stage) ? STAGE_COLORS[f.stage] : NO_VALUE_COLOR),
	legend: () => STAGES.map((stage) => ({ key: stage, color: STAGE_COLORS[stage], label: { message: `stage.${stage}` }, has: (f) => f.stage === stage }))
};

/** The bin a percentage falls in: [0, 25), [25, 50), [50, 75), [75, 100), and 100 itself. */
function progressBin(pct: number) {
	return PROGRESS_BINS.findLast((bin) => pct >= bin.from) ?? PROGRESS_BINS[0];
}

// Binned rather than continuous, so the legend's counts are exactly the colours on the map.
const byProgress: Coloring = {
	expression: () => {
		const [first, ...rest] = PROGRESS_BINS;
		const steps = ['step', ['get', 'progressPct'], first.color, ...rest.flatMap((bin) => [bin.from, bin.color])] as ExpressionSpecification;
		return ['case', ['==', ['typeof', ['get', 'progressPct']], 'number'], steps, NO_PLAN_COLOR];
	},
	colorOf: (f) => (f.progressPct === null ? NO_PLAN_COLOR : progressBin(f.progressPct).color),
	legend: () => [
		...PROGRESS_BINS.map((bin, i) => ({
			key: String(bin.from),
			color: bin.color,
			label: { text: i === PROGRESS_BINS.length - 1 ? '100%' : `${bin.from}–${PROGRESS_BINS[i + 1].from}%` },
			has: (f: Colored) => f.progressPct !== null && progressBin(f.progressPct) === bin
		})),
		{ key: 'none', color: NO_PLAN_COLOR, label: { message: 'legend.noPlan' }, has: (f: Colored) => f.progressPct === null }
	]
};

export const COLORINGS = { year: byYear, stage: byStage, progress: byProgress } satisfies Record<string, Coloring>;

export type ColorBy = keyof typeof COLORINGS;
/** In the order the display options offer them. */
export const COLOR_BY = Object.keys(COLORINGS) as ColorBy[];

export function isColorBy(value: unknown): value is ColorBy {
	return typeof value === 'string' && Object.hasOwn(COLORINGS, value);
}
