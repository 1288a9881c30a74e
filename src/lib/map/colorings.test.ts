import { describe, expect, it } from 'vitest';
import { COLORINGS, type Colored } from './colorings';
import { Color } from '@maplibre/maplibre-gl-style-spec';
import { NO_PLAN_COLOR, PROGRESS_BINS } from './palette';

const feature = (progressPct: number | null): Colored => ({ batchYear: 2021, stage: 'construction', progressPct });

describe('colouring by percent complete', () => {
	const { colorOf, legend } = COLORINGS.progress;
	const input = { yearColors: new Map<number, string>() };

	it('puts each percentage in one bin, 100 alone, and no plan apart', () => {
		expect([0, 24.9, 25, 74.99, 75, 99.9, 100].map((pct) => colorOf(feature(pct), input))).toEqual([
			PROGRESS_BINS[0].color, PROGRESS_BINS[0].color, PROGRESS_BINS[1].color, PROGRESS_BINS[2].color,
			PROGRESS_BINS[3].color, PROGRESS_BINS[3].color, PROGRESS_BINS[4].color
		]);
		expect(colorOf(feature(null), input)).toBe(NO_PLAN_COLOR);
	});

	it('has a legend whose entries count each feature exactly once, in its own colour', () => {
		const features = [null, 0, 10, 30, 60, 80, 100, 100].map(feature);
		const entries = legend(input);
		expect(entries.map((e) => e.label)).toEqual([{ text: '0–25%' }, { text: '25–50%' }, { text: '50–75%' }, { text: '75–100%' }, { text: '100%' }, { message: 'legend.noPlan' }]);
		for (const f of features) {
			const owners = entries.filter((e) => e.has(f));
			expect(owners).toHaveLength(1);
			expect(owners[0].color).toBe(colorOf(f, input));
		}
		expect(entries.map((e) => features.filter(e.has).length)).toEqual([2, 1, 1, 1, 2, 1]);
	});

	it('draws with a MapLibre expression that agrees with colorOf', async () => {
		const { expression } = await import('@maplibre/maplibre-gl-style-spec');
		const parsed = expression.createExpression(COLORINGS.progress.expression(input), { type: 'color' } as never);
		if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
		for (const pct of [null, 0, 24.9, 25, 50, 99, 100]) {
			const drawn = parsed.value.evaluate({ zoom: 12 }, { type: 'Polygon', properties: { progressPct: pct } } as never) as Color | string;
			expect(String(typeof drawn === 'string' ? Color.parse(drawn) : drawn), `at ${pct}`).toBe(String(Color.parse(colorOf(feature(pct), input))));
		}
	});
});
