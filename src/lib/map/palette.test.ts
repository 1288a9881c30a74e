import { describe, expect, it } from 'vitest';
import { STAGES } from '$lib/domain/stages';
import { closestPair, deltaE2000, DEFICIENCIES, type Deficiency, type Lab } from './color-vision';
import { LATE_COLOR, NO_PLAN_COLOR, NO_VALUE_COLOR, PROGRESS_BINS, STAGE_COLORS, yearColors } from './palette';

/** CIEDE2000 below which two map colours are taken for one; neighbouring Okabe–Ito colours are about 11 apart. */
const MIN_DELTA_E = 10;
const VISIONS: (Deficiency | undefined)[] = [undefined, ...DEFICIENCIES];

/** The closest pair of a palette under each kind of vision, named for a readable failure. */
function weakestPairs(colors: string[]): Record<string, { pair: [string, string]; deltaE: number }> {
	return Object.fromEntries(VISIONS.map((vision) => [vision ?? 'normal', closestPair(colors, vision)]));
}

function tooClose(colors: string[]): string[] {
	return Object.entries(weakestPairs(colors))
		.filter(([, { deltaE }]) => deltaE < MIN_DELTA_E)
		.map(([vision, { pair, deltaE }]) => `${vision}: ${pair.join(' ~ ')} (ΔE00 ${deltaE.toFixed(1)})`);
}

describe('CIEDE2000', () => {
	// Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference formula: implementation
	// notes, supplementary test data", pairs 1, 7, 17, 21, 25 and 34.
	const pairs: [Lab, Lab, number][] = [
		[[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
		[[50, 0, 0], [50, -1, 2], 2.3669],
		[[50, 2.5, 0], [73, 25, -18], 27.1492],
		[[50, 2.5, 0], [50, 3.1736, 0.5854], 1.0],
		[[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
		[[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082]
	];
	it.each(pairs)('matches the published test data (%j, %j)', (a, b, expected) => {
		expect(deltaE2000(a, b)).toBeCloseTo(expected, 4);
		expect(deltaE2000(b, a)).toBeCloseTo(expected, 4);
	});
});

describe('colour-vision simulation', () => {
	it('leaves greys alone and merges what each deficiency cannot tell apart', () => {
		for (const deficiency of DEFICIENCIES) expect(closestPair(['#808080', '#ffffff'], deficiency).deltaE).toBeCloseTo(closestPair(['#808080', '#ffffff']).deltaE, 0);
		// Red and green, a protanope's and deuteranope's classic confusion; blue and green a tritanope's.
		for (const deficiency of ['protanopia', 'deuteranopia'] as const) {
			expect(closestPair(['#e41a1c', '#4daf4a'], deficiency).deltaE).toBeLessThan(closestPair(['#e41a1c', '#4daf4a']).deltaE / 2);
		}
		expect(closestPair(['#1f78b4', '#33a02c'], 'tritanopia').deltaE).toBeLessThan(closestPair(['#1f78b4', '#33a02c']).deltaE / 2);
	});
});

describe('the map palettes', () => {
	it('keep every stage apart from every other, and from "no value", for every kind of vision', () => {
		expect(tooClose([...STAGES.map((s) => STAGE_COLORS[s]), NO_VALUE_COLOR])).toEqual([]);
	});

	it('keep every batch year apart, however many years there are', () => {
		const years = [...yearColors([2020, 2021, 2022, 2023, 2024, 2025, 2026]).values()];
		expect(new Set(years).size).toBe(7);
		expect(tooClose([...years, NO_VALUE_COLOR])).toEqual([]);
	});

	it('keep every percent-complete bin apart, and from "no plan", for every kind of vision', () => {
		expect(tooClose([...PROGRESS_BINS.map((b) => b.color), NO_PLAN_COLOR])).toEqual([]);
		// The usual grey would not do: it merges with the middle bin for red-weak eyes.
		expect(tooClose([...PROGRESS_BINS.map((b) => b.color), NO_VALUE_COLOR])).not.toEqual([]);
	});

	it('keep the late outline apart from every fill it is drawn over', () => {
		const fills = [...STAGES.map((s) => STAGE_COLORS[s]), ...PROGRESS_BINS.map((b) => b.color), ...yearColors([2020, 2021, 2022]).values(), NO_VALUE_COLOR, NO_PLAN_COLOR];
		for (const vision of VISIONS) for (const fill of fills) expect(closestPair([LATE_COLOR, fill], vision).deltaE, `${vision} ${fill}`).toBeGreaterThanOrEqual(MIN_DELTA_E);
	});

	it('would have failed the palettes they replace', () => {
		const oldStages = ['#bababa', '#fee08b', '#fdae61', '#f46d43', '#66bd63', '#1a9850'];
		const oldYears = ['#d95f02', '#7570b3', '#1b9e77', '#e7298a', '#66a61e', '#e6ab02', '#a6761d'];
		expect(tooClose(oldStages).join('\n')).toMatch(/protanopia: #fdae61 ~ #66bd63/);
		expect(tooClose(oldYears)).not.toEqual([]);
	});
});
