import { STAGES, type Stage } from '$lib/domain/stages';

// Okabe and Ito's colours, chosen for people with every common colour-vision deficiency
// (https://jfly.uni-koeln.de/color/); palette.test.ts checks them under simulated protanopia,
// deuteranopia and tritanopia. The previous ColorBrewer choices merged 工程实施/竣工归档 and
// 招投标/工程验收 for red-weak eyes.
const YEAR_PALETTE = ['#e69f00', '#56b4e9', '#009e73', '#cc79a7', '#0072b2', '#d55e00', '#f0e442'];
/** Darker than every colour above, so "unknown" never passes for a year or a stage. */
export const NO_VALUE_COLOR = '#707070';
/** Marks a community running late: no fill uses it, and it is drawn dashed. */
export const LATE_COLOR = '#c0143c';
/**
 * Marks a plan that breaks "underground first": earth brown, darker than every fill and far
 * from LATE_COLOR in lightness, so the two marks stay apart without relying on hue.
 */
export const UNDERGROUND_FIRST_COLOR = '#5c3a0e';
/** The outline of the selected community or building: darker than any fill, under any deficiency. */
export const SELECTION_COLOR = '#1a1a1a';

// In workflow order: grey before work begins, warm colours deepening up to construction,
// blues once it is done.
export const STAGE_COLORS: Record<Stage, string> = {
	preparation: '#bababa',
	approval: '#f0e442',
	tendering: '#e69f00',
	construction: '#d55e00',
	acceptance: '#56b4e9',
	archived: '#0072b2'
};

/**
 * Percent complete in five bins, light to dark: viridis (matplotlib's perceptually uniform,
 * colour-blind-safe scale), read from its yellow end so "more done" is darker.
 */
export const PROGRESS_BINS: readonly { from: number; color: string }[] = [
	{ from: 0, color: '#fde725' },
	{ from: 25, color: '#5ec962' },
	{ from: 50, color: '#21918c' },
	{ from: 75, color: '#3b528b' },
	{ from: 100, color: '#440154' }
];

/**
 * "No plan yet" beside the percent-complete scale: light, as the grey of NO_VALUE_COLOR sits
 * too close to viridis' middle teal for red-weak eyes (palette.test.ts).
 */
export const NO_PLAN_COLOR = '#c8c8c8';

/** A colour per batch year present in the data, stable in year order. */
export function yearColors(years: Iterable<number>): Map<number, string> {
	const sorted = [...new Set(years)].sort((a, b) => a - b);
	return new Map(sorted.map((year, i) => [year, YEAR_PALETTE[i % YEAR_PALETTE.length]]));
}
