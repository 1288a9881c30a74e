import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithTargets, toWanM2 } from '../../src/lib/domain/totals';
import { loadAtlas } from '../../src/lib/server/atlas';
import { asCaller, PUBLIC_CALLER } from '../../src/lib/server/db/roles';
import { backends, openSeeded, type Scratch } from './backends';

describe.each(backends)('the district atlas loader on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
	});
	afterAll(() => scratch?.dispose());

	it('gives the public 22 communities and 296 buildings of Zhangdian as GeoJSON', async () => {
		const atlas = await loadAtlas(PUBLIC_CALLER, { db: scratch.db });
		expect(atlas.district.name).toBe('张店区');
		expect(atlas.district.outline.geometry.type).toBe('MultiPolygon');
		expect(atlas.subdistricts).toHaveLength(13);
		expect(atlas.communities.features).toHaveLength(22);
		expect(atlas.buildings.features).toHaveLength(296);
		const c = atlas.communities.features[0];
		expect(c.geometry.type).toBe('MultiPolygon');
		expect(c.properties.isDemo).toBe(true);
		expect(c.properties.milestones.length).toBeGreaterThan(0);
		expect(typeof c.properties.floorAreaM2).toBe('number');
		expect(atlas.buildings.features.every((b) => b.geometry.type === 'Polygon')).toBe(true);
	});

	it('adds up to the official targets of DOMAIN.md §1, year by year and in total', async () => {
		const atlas = await loadAtlas(PUBLIC_CALLER, { db: scratch.db });
		const rows = compareWithTargets(
			atlas.communities.features.map((f) => f.properties),
			atlas.targets
		);
		// Single years first, then the programme total, as the totals table lists them.
		expect(rows.map((r) => `${r.target.periodStart}-${r.target.periodEnd}`)).toEqual([
			'2020-2020',
			'2021-2021',
			'2022-2022',
			'2020-2022'
		]);
		for (const { target, actual } of rows) {
			expect(actual.communities).toBe(target.communities);
			expect(actual.buildings).toBe(target.buildings);
			expect(toWanM2(actual.floorAreaM2)).toBe(target.floorAreaWanM2);
			expect(actual.households).toBe(target.households);
		}
		const all = rows.find((r) => r.target.periodStart !== r.target.periodEnd);
		expect(all?.actual.residents).toBe(35_000);
	});

	it('flags the 11 late communities, with their delay, on communities and their buildings alike', async () => {
		const atlas = await loadAtlas(PUBLIC_CALLER, { db: scratch.db });
		const late = atlas.communities.features.filter((f) => f.properties.late);
		expect(late).toHaveLength(11);
		expect(late.every((f) => (f.properties.delayDays ?? 0) > 0)).toBe(true);
		const byId = new Map(atlas.communities.features.map((f) => [f.id, f.properties]));
		for (const b of atlas.buildings.features) {
			const c = byId.get(b.properties.communityId);
			expect([b.properties.late, b.properties.delayDays]).toEqual([c?.late, c?.delayDays]);
		}
	});

	it('counts planned, started and completed communities of each target, each within the one before', async () => {
		const atlas = await loadAtlas(PUBLIC_CALLER, { db: scratch.db });
		const rows = compareWithTargets(atlas.communities.features.map((f) => f.properties), atlas.targets);
		const all = rows.find((r) => r.target.periodStart !== r.target.periodEnd);
		// The 22 communities of DOMAIN.md §1 as the demo has them (generator/stages.ts): 1 still at
		// approval, 2 tendering, 7 building, 12 accepted or archived.
		expect(all?.levels.map(([level, t]) => [level, t.communities])).toEqual([
			['planned', 22],
			['started', 21],
			['completed', 12]
		]);
	});

	it('gives each batch year the percent complete of public.plan_progress, which the plan items reconcile with', async () => {
		const atlas = await loadAtlas(PUBLIC_CALLER, { db: scratch.db });
		expect(atlas.batchProgress.map((b) => b.batchYear)).toEqual([2020, 2021, 2022]);
		const fromView = await asCaller(scratch.db, PUBLIC_CALLER, (tx) =>
			tx.query<{ key: string; progress_pct: number; weighting: string }>(
				`select key, progress_pct, weighting from public.plan_progress where level = 'batch_year' order by key`
			)
		);
		expect(atlas.batchProgress.map((b) => [String(b.batchYear), b.pct, b.weighting])).toEqual(fromView.map((r) => [r.key, r.progress_pct, r.weighting]));
		// By hand from the rows the public may read: the budget-weighted mean of the batch's items
		// where every item has a budget, else the plain mean (the view's documented fallback).
		const items = await asCaller(scratch.db, PUBLIC_CALLER, (tx) =>
			tx.query<{ batch_year: number; budget: number | null; pct: number }>(
				`select c.batch_year, i.budget_yuan::float8 as budget, i.percent_complete::float8 as pct
				 from public.plan_items i join public.communities c on c.id = i.community_id`
			)
		);
		for (const batch of atlas.batchProgress) {
			const own = items.filter((i) => i.batch_year === batch.batchYear);
			const budgets = own.map((i) => i.budget);
			const byBudget = budgets.every((b) => b !== null) && budgets.reduce<number>((a, b) => a + (b ?? 0), 0) > 0;
			const pct = byBudget
				? own.reduce((a, i) => a + (i.budget ?? 0) * i.pct, 0) / own.reduce((a, i) => a + (i.budget ?? 0), 0)
				: own.reduce((a, i) => a + i.pct, 0) / own.length;
			expect([batch.batchYear, batch.items, batch.weighting]).toEqual([batch.batchYear, own.length, byBudget ? 'budget' : 'count']);
			expect(batch.pct).toBeCloseTo(pct, 1);
		}
	});

	it('shows the public nothing of a community once it is unpublished', async () => {
		const atlas = await loadAtlas(PUBLIC_CALLER, { db: scratch.db });
		const hidden = atlas.communities.features[0].properties;
		await asCaller(scratch.db, { role: 'service_role' }, (tx) =>
			tx.query('update public.communities set published = false where id = $1', [hidden.id])
		);
		const after = await loadAtlas(PUBLIC_CALLER, { db: scratch.db });
		expect(after.communities.features).toHaveLength(21);
		expect(after.buildings.features.some((b) => b.properties.communityId === hidden.id)).toBe(false);
		expect(after.buildings.features).toHaveLength(296 - hidden.buildingCount);
	});
});
