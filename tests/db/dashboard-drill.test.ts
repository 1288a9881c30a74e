import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STALE_DAYS, LEVELS, type Dashboard, type DashboardFilters } from '../../src/lib/domain/dashboard';
import { columnSum, drillDown, figuresOf, type FigureRef } from '../../src/lib/domain/dashboard-drill';
import { readDashboard } from '../../src/lib/server/dashboard';
import type { Caller } from '../../src/lib/server/db/roles';
import { backends, openSeeded, type Scratch } from './backends';
import { addStaff, callers, IN_A } from './staff-fixture';

// Every figure of the dashboard, as the loader reads it, against the table its drill-down
// opens: the rows must add up to the figure exactly, for the whole district, with filters,
// and for an editor who sees part of it.
describe.each(backends)('the dashboard drill-down on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addStaff(scratch.db);
	});
	afterAll(() => scratch?.dispose());

	async function read(caller: Caller, filters: Partial<DashboardFilters> = {}): Promise<Dashboard> {
		const outcome = await readDashboard(caller, { year: null, subdistrict: null, staleDays: DEFAULT_STALE_DAYS, ...filters }, scratch.db);
		if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
		return outcome.value;
	}

	/** Checks every figure of `d` against its drill-down; returns how many it checked. */
	function reconcile(d: Dashboard): number {
		const { year, subdistrict } = d.filters;
		let checked = 0;
		const same = (ref: FigureRef, figures: object) => {
			expect(figuresOf(drillDown(d, ref).rows), JSON.stringify(ref)).toEqual(figures);
			checked++;
		};
		for (const level of LEVELS) {
			for (const t of d.targets) same({ kind: 'level', level, years: [t.periodStart, t.periodEnd], subdistrict: null }, t.levels[level]);
			for (const y of d.byYear) same({ kind: 'level', level, years: [Number(y.key), Number(y.key)], subdistrict }, y.levels[level]);
			const years: [number, number] | null = year === null ? null : [year, year];
			for (const s of d.bySubdistrict) same({ kind: 'level', level, years, subdistrict: s.key }, s.levels[level]);
			same({ kind: 'level', level, years, subdistrict }, d.total[level]);
		}
		for (const f of d.funnel) {
			const rows = drillDown(d, { kind: 'stage', stage: f.stage, year, subdistrict }).rows;
			expect([rows.length, columnSum(rows, 'buildings')]).toEqual([f.communities, f.buildings]);
			checked++;
		}
		for (const m of d.money) {
			const rows = drillDown(d, { kind: 'source', source: m.source, year, subdistrict }).rows;
			expect([rows.length, columnSum(rows, 'lines'), columnSum(rows, 'amountYuan')]).toEqual([m.communities, m.lines, m.amountYuan]);
			checked++;
		}
		for (const x of d.delays) {
			const rows = drillDown(d, { kind: 'delay', bucket: x.bucket, year, subdistrict }).rows;
			expect([rows.length, rows.filter((r) => r.late).length, columnSum(rows, 'delayDays')]).toEqual([x.communities, x.late, x.delayDays]);
			checked++;
		}
		expect(drillDown(d, { kind: 'stale' }).rows).toHaveLength(d.stale.length);
		expect(drillDown(d, { kind: 'violations' }).rows).toHaveLength(d.violations.length);
		return checked + 2;
	}

	it('reconciles every figure with its rows for the whole district', async () => {
		const d = await read(callers.leader);
		expect(reconcile(d)).toBeGreaterThan(40);
		// What a leader must read: the 2020–2022 targets beside planned, started, completed.
		const all = d.targets.find((t) => t.periodStart === 2020 && t.periodEnd === 2022);
		expect(all?.target).toMatchObject({ communities: 22, buildings: 296, floorAreaWanM2: 106.73, households: 11425 });
		expect([all?.levels.planned.communities, all?.levels.started.communities, all?.levels.completed.communities]).toEqual([22, 21, 12]);
		expect(d.violations.length).toBeGreaterThan(0);
		expect(d.money.reduce((n, m) => n + m.amountYuan, 0)).toBeGreaterThan(0);
		expect(JSON.stringify(d)).not.toMatch(/"type":"(Multi)?Polygon"|coordinates/);
	});

	it('reconciles them with a year and a sub-district chosen', async () => {
		for (const filters of [{ year: 2022 }, { subdistrict: IN_A.subdistrict }, { year: 2021, subdistrict: '370303001' }]) {
			const d = await read(callers.planner, filters);
			reconcile(d);
			expect(d.byYear.every((y) => !filters.year || y.key === String(filters.year))).toBe(true);
		}
	});

	it('reconciles them for an editor, whose money is its own sub-district only', async () => {
		const d = await read(callers.editorA);
		reconcile(d);
		const own = new Set(d.rows.filter((r) => r.subdistrictCode === IN_A.subdistrict).map((r) => r.id));
		expect(d.funds.every((f) => own.has(f.communityId))).toBe(true);
	});

	it('refuses the public', async () => {
		const outcome = await readDashboard(callers.anon, { year: null, subdistrict: null, staleDays: 30 }, scratch.db);
		expect(outcome.ok).toBe(false);
	});
});
