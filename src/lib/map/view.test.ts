import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseView, serializeView, type View } from './view';

describe('view in the URL', () => {
	it('round-trips a full view', () => {
		const view: View = {
			center: [118.05123, 36.80456],
			zoom: 14.25,
			pitch: 45,
			bearing: -20,
			colorBy: 'stage',
			threeD: true,
			years: [2020, 2022],
			stages: ['construction', 'acceptance'],
			subdistrict: '370303002',
			selection: { kind: 'building', code: 'ZD-2021-03-07' },
			asOf: '2021-06-30',
			pipes: ['water', 'gas'],
			underground: true
		};
		const { view: parsed, ignored } = parseView(serializeView(view), { staff: true });
		expect(ignored).toEqual([]);
		expect(parsed).toEqual(view);
	});

	it('writes every network as pl=all and reads it back in legend order', () => {
		const all = serializeView({ ...DEFAULT_VIEW, pipes: ['telecom', 'water', 'rain', 'sewage', 'gas', 'heat', 'power'] });
		expect(all.get('pl')).toBe('all');
		expect(parseView(all, { staff: true }).view.pipes).toEqual(['water', 'rain', 'sewage', 'gas', 'heat', 'power', 'telecom']);
		expect(parseView(new URLSearchParams('pl=gas,water,gas'), { staff: true }).view.pipes).toEqual(['water', 'gas']);
	});

	it('refuses pipeline parameters that name no network, or an underground view that is not 1', () => {
		const { view, ignored } = parseView(new URLSearchParams('pl=water,oil&ug=yes'), { staff: true });
		expect([view.pipes, view.underground, ignored]).toEqual([[], false, ['pl', 'ug']]);
	});

	it('gives the public no pipelines, no underground view and no selected pipe, whatever the link says', () => {
		const { view, ignored } = parseView(new URLSearchParams('pl=all&ug=1&sel=pipe:0b5c3f9e-0000-4000-8000-000000000001&by=stage'));
		expect([view.pipes, view.underground, view.selection, view.colorBy]).toEqual([[], false, null, 'stage']);
		expect(ignored.sort()).toEqual(['pl', 'sel', 'ug']);
	});

	it('reads a past date, takes today or later as now, and reports a date that is no date', () => {
		expect(parseView(new URLSearchParams('date=2021-06-30')).view.asOf).toBe('2021-06-30');
		const future = parseView(new URLSearchParams('date=2999-01-01'));
		expect([future.view.asOf, future.ignored]).toEqual([null, []]);
		for (const bad of ['2021-02-30', 'last-year', '1999-12-31']) {
			const parsed = parseView(new URLSearchParams(`date=${bad}`));
			expect([parsed.view.asOf, parsed.ignored], bad).toEqual([null, ['date']]);
		}
	});

	it('writes nothing for the default view', () => {
		expect(serializeView(DEFAULT_VIEW).toString()).toBe('');
	});

	it('keeps the good parameters of a damaged link and names the bad ones', () => {
		const { view, ignored } = parseView(
			new URLSearchParams('by=height&y=2020,abc&s=construction&z=99&c=118.05&sd=公园&sel=community:ZD-2020-01')
		);
		expect(ignored.sort()).toEqual(['by', 'c', 'sd', 'y', 'z']);
		expect(view.colorBy).toBe('year');
		expect(view.years).toEqual([]);
		expect(view.stages).toEqual(['construction']);
		expect(view.zoom).toBeNull();
		expect(view.selection).toEqual({ kind: 'community', code: 'ZD-2020-01' });
	});

	it('rejects selections that are not a community or building code', () => {
		expect(parseView(new URLSearchParams('sel=community:<script>')).ignored).toEqual(['sel']);
		expect(parseView(new URLSearchParams('sel=tree:1')).ignored).toEqual(['sel']);
	});
});

describe('view in the URL, parameter by parameter', () => {
	it.each([
		['c=118.05,36.8,1', 'c'],
		['c=200,36.8', 'c'],
		['z=-1', 'z'],
		['p=86', 'p'],
		['b=abc', 'b'],
		['v=4d', 'v'],
		['y=1999', 'y'],
		['s=construction,done', 's'],
		['sd=3703030061', 'sd']
	])('reports %s as ignored', (query, name) => {
		expect(parseView(new URLSearchParams(query)).ignored).toEqual([name]);
	});

	it('reads an empty parameter as absent', () => {
		expect(parseView(new URLSearchParams('z=&y=&sel='))).toEqual({ view: DEFAULT_VIEW, ignored: [] });
	});
});
