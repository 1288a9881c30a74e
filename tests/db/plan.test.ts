import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/lib/server/db/types';
import { DELIBERATE_VIOLATIONS } from '../../supabase/generator/plans';
import { backends, openSeeded, type Scratch } from './backends';
import { addFixture, COMMUNITY, plotIn, SPARE, square } from './matrix/fixture';
import { subject, within } from './matrix/subjects';

/**
 * The plan's rules in the database: the funding rule (public.funding_rule_violations) on
 * plans crafted to break it in each way and to keep it, the progress roll-up
 * (public.plan_progress) against a hand computation, and the triggers that keep an item's
 * buildings and a line's items to their own community.
 */

// A community of its own with three buildings, in a sub-district of its own (the fixture's
// spare one, with no demo data), made in each test's rolled-back transaction: on free squares of
// the fixture's row, its buildings in slots of the first.
const PLACE = '0c000000-0000-4000-8000-0000000000c1';
const NEIGHBOUR = '0c000000-0000-4000-8000-0000000000c2';
const OTHER = COMMUNITY.A;
const BUILDINGS = ['0b000000-0000-4000-8000-0000000000c1', '0b000000-0000-4000-8000-0000000000c2', '0b000000-0000-4000-8000-0000000000c3'];
const item = (n: number) => `0d000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const line = (n: number) => `0f000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;


async function addPlace(tx: Queryable): Promise<void> {
	await tx.exec(`
		insert into public.communities (id, code, name, subdistrict_code, boundary, built_year, land_tenure, households,
		  floor_area_m2, property_management, batch_year, published)
		values ('${PLACE}', 'PL-1', '计划小区', '${SPARE.subdistrict}', ${square(10)}, 1990, 'state_owned', 60, 3000, 'none', 2031, true),
		       ('${NEIGHBOUR}', 'PL-2', '邻居小区', '${SPARE.subdistrict}', ${square(11)}, 1990, 'state_owned', 60, 3000, 'none', 2032, true);
		insert into public.buildings (id, community_id, code, name, footprint, floors, height_m, units, households, floor_area_m2,
		  built_year, elevator)
		values ${BUILDINGS.map((b, n) => `('${b}', '${PLACE}', 'PL-1-${n + 1}', '${n + 1}号楼', ${plotIn(10, n)}, 6, 18, 2, 20, 1000, 1990, 'none')`).join(', ')};
	`);
}

interface ItemRow {
	n: number;
	code: string;
	budget: number | null;
	pct?: number;
	buildings?: number[];
}

function addItems(tx: Queryable, rows: ItemRow[], community = PLACE): Promise<void> {
	const values = rows.map((r) => {
		const pct = r.pct ?? 0;
		const status = pct === 0 ? 'planned' : pct === 100 ? 'done' : 'in_progress';
		const buildings = `'{${(r.buildings ?? []).map((b) => BUILDINGS[b]).join(',')}}'`;
		return `('${item(r.n)}', '${community}', '${r.code}', 10, ${r.budget ?? 'null'}, ${buildings}, '${status}', ${pct})`;
	});
	return tx.exec(`insert into public.plan_items (id, community_id, catalogue_code, quantity, budget_yuan, building_ids, status, percent_complete)
	                values ${values.join(', ')}`);
}

function addLines(tx: Queryable, rows: { n: number; source: string; amount: number; items?: number[] }[]): Promise<void> {
	const values = rows.map((r) => `('${line(r.n)}', '${PLACE}', '${r.source}', ${r.amount}, '{${(r.items ?? []).map(item).join(',')}}')`);
	return tx.exec(`insert into public.funding_lines (id, community_id, source, amount_yuan, plan_item_ids) values ${values.join(', ')}`);
}

interface Violation {
	line: string;
	reason: string;
	offending: number;
	items: string[];
}

function violations(tx: Queryable): Promise<Violation[]> {
	return tx.query<Violation>(
		`select funding_line_id::text as line, reason, offending_yuan::float8 as offending, offending_item_ids::text[] as items
		 from public.funding_rule_violations where community_id = '${PLACE}' order by funding_line_id`
	);
}

describe.each(backends)('the plan on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addFixture(scratch.db);
	});
	afterAll(() => scratch?.dispose());

	/** Runs `fn` on a fresh plan place as the owner; everything is rolled back. */
	const onPlace = <T>(fn: (tx: Queryable) => Promise<T>) =>
		within(scratch.db, subject('owner'), async (tx) => {
			await addPlace(tx);
			return fn(tx);
		});

	describe('the funding rule', () => {
		// Basic: roads, painting. Improvement: bike sheds; service rooms: property_service_room.
		// Upgrade: elderly_care.
		const PLAN: ItemRow[] = [
			{ n: 1, code: 'roads', budget: 300_000 },
			{ n: 2, code: 'painting', budget: 100_000 },
			{ n: 3, code: 'bike_sheds', budget: 50_000 },
			{ n: 4, code: 'property_service_room', budget: 80_000 },
			{ n: 5, code: 'elderly_care', budget: 150_000 }
		];

		it('lets subsidy and district money pay for basic items and service rooms', () =>
			onPlace(async (tx) => {
				await addItems(tx, PLAN);
				await addLines(tx, [
					{ n: 1, source: 'central_subsidy', amount: 300_000, items: [1] },
					{ n: 2, source: 'district_budget', amount: 180_000, items: [2, 4] },
					{ n: 3, source: 'social_capital', amount: 150_000, items: [5] },
					{ n: 4, source: 'maintenance_fund', amount: 50_000 }
				]);
				expect(await violations(tx)).toEqual([]);
			}));

		it('flags a tied line for the share of its items that are neither basic nor service rooms, by budget', () =>
			onPlace(async (tx) => {
				await addItems(tx, PLAN);
				// 90,000 over painting (100,000) and bike sheds (50,000): a third falls on the sheds.
				await addLines(tx, [{ n: 1, source: 'provincial_subsidy', amount: 90_000, items: [2, 3] }]);
				expect(await violations(tx)).toEqual([{ line: line(1), reason: 'tied_to_ineligible_items', offending: 30_000, items: [item(3)] }]);
			}));

		it('shares a tied line equally when one of its items has no budget', () =>
			onPlace(async (tx) => {
				await addItems(tx, [...PLAN.slice(0, 4), { n: 5, code: 'elderly_care', budget: null }]);
				await addLines(tx, [{ n: 1, source: 'municipal_subsidy', amount: 200_000, items: [1, 3, 5] }]);
				const [found] = await violations(tx);
				expect(found).toMatchObject({ reason: 'tied_to_ineligible_items', items: [item(3), item(5)] });
				expect(found.offending).toBeCloseTo((200_000 * 2) / 3, 2);
			}));

		it('flags untied subsidies beyond the eligible budget, the excess spread over them by amount', () =>
			onPlace(async (tx) => {
				await addItems(tx, PLAN);
				// Eligible: 300,000 + 100,000 + 80,000 = 480,000; untied restricted: 600,000.
				await addLines(tx, [
					{ n: 1, source: 'central_subsidy', amount: 400_000 },
					{ n: 2, source: 'district_budget', amount: 200_000 },
					{ n: 3, source: 'donations', amount: 170_000 }
				]);
				expect(await violations(tx)).toEqual([
					{ line: line(1), reason: 'untied_exceeds_eligible_budget', offending: 80_000, items: [] },
					{ line: line(2), reason: 'untied_exceeds_eligible_budget', offending: 40_000, items: [] }
				]);
			}));

		it('counts what tied subsidies already pay for eligible items against untied ones', () =>
			onPlace(async (tx) => {
				await addItems(tx, PLAN);
				// The tied line takes 300,000 of the 480,000 eligible budget: 180,000 headroom.
				await addLines(tx, [
					{ n: 1, source: 'central_subsidy', amount: 300_000, items: [1] },
					{ n: 2, source: 'municipal_subsidy', amount: 200_000 }
				]);
				expect(await violations(tx)).toEqual([{ line: line(2), reason: 'untied_exceeds_eligible_budget', offending: 20_000, items: [] }]);
			}));

		it('gives eligible items without a budget no room for untied subsidies', () =>
			onPlace(async (tx) => {
				await addItems(tx, [{ n: 1, code: 'roads', budget: null }, { n: 2, code: 'elderly_care', budget: 100_000 }]);
				await addLines(tx, [{ n: 1, source: 'district_budget', amount: 50_000 }]);
				expect(await violations(tx)).toEqual([{ line: line(1), reason: 'untied_exceeds_eligible_budget', offending: 50_000, items: [] }]);
			}));

		it('lets other sources pay for anything', () =>
			onPlace(async (tx) => {
				await addItems(tx, PLAN);
				await addLines(tx, [
					{ n: 1, source: 'provident_fund', amount: 900_000, items: [5] },
					{ n: 2, source: 'social_capital', amount: 900_000 }
				]);
				expect(await violations(tx)).toEqual([]);
			}));

		it('finds in the demo data exactly the violations it makes on purpose', async () => {
			const found = await scratch.db.query<{ code: string; reason: string }>(
				`select distinct c.code, v.reason from public.funding_rule_violations v
				 join public.communities c on c.id = v.community_id where c.is_demo order by 1`
			);
			const expected = { tied: 'tied_to_ineligible_items', untied: 'untied_exceeds_eligible_budget' } as const;
			expect(found).toEqual(
				Object.entries(DELIBERATE_VIOLATIONS)
					.map(([code, kind]) => ({ code, reason: expected[kind] }))
					.sort((a, b) => a.code.localeCompare(b.code))
			);
		});

		it('shows violations to staff who read the funding, nothing to other signed-in users, and refuses the public', () =>
			onPlace(async (tx) => {
				await addItems(tx, PLAN);
				await addLines(tx, [{ n: 1, source: 'central_subsidy', amount: 10_000, items: [5] }]);
				const seenAs = async (role: string, claims: object) => {
					await tx.query(`savepoint seen`);
					try {
						await tx.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`, [role, JSON.stringify(claims)]);
						const rows = await tx.query<{ n: number }>(`select count(*)::int as n from public.funding_rule_violations where community_id = '${PLACE}'`);
						return rows[0].n;
					} catch (error) {
						return (error as { code?: string }).code;
					} finally {
						await tx.query(`rollback to savepoint seen`);
					}
				};
				const claims = (role: string | null, subdistricts: string[] = []) => ({
					sub: '0a000000-0000-4000-8000-0000000000c1',
					role: 'authenticated',
					app_metadata: { role, subdistricts }
				});
				expect(await seenAs('authenticated', claims('planner'))).toBe(1);
				expect(await seenAs('authenticated', claims('leader'))).toBe(1);
				expect(await seenAs('authenticated', claims('editor', [SPARE.subdistrict]))).toBe(1);
				expect(await seenAs('authenticated', claims('editor', ['370303001']))).toBe(0);
				expect(await seenAs('authenticated', claims(null))).toBe(0);
				expect(await seenAs('anon', {})).toBe('42501');
			}));
	});

	describe('the progress roll-up', () => {
		interface Progress {
			level: string;
			key: string;
			pct: number;
			weighting: string;
		}
		const progress = (tx: Queryable, where: string) =>
			tx.query<Progress>(
				`select level, key, progress_pct::float8 as pct, weighting from public.plan_progress where ${where} order by level, key`
			);

		it('equals a hand computation: by budget, shared over buildings, and by count where a budget is missing', () =>
			onPlace(async (tx) => {
				await addItems(tx, [
					{ n: 1, code: 'roads', budget: 300_000, pct: 100 }, //                      whole community
					{ n: 2, code: 'painting', budget: 120_000, pct: 50, buildings: [0, 1] }, // buildings 1 and 2
					{ n: 3, code: 'roof_waterproofing', budget: 80_000, pct: 0, buildings: [2] }
				]);
				// Community: (300000·100 + 120000·50 + 80000·0) / 500000 = 72.
				// Building 1: roads 100000·100 + painting 60000·50 over 160000 = 81.25 → 81.3; building 2
				// the same; building 3: roads 100000·100 + roof 80000·0 over 180000 = 55.6.
				// Their budget-weighted mean: (160000·81.25·2 + 180000·55.56) / 500000 = 72, the community's.
				expect(await progress(tx, `key in ('${PLACE}', ${BUILDINGS.map((b) => `'${b}'`).join(', ')})`)).toEqual([
					{ level: 'building', key: BUILDINGS[0], pct: 81.3, weighting: 'budget' },
					{ level: 'building', key: BUILDINGS[1], pct: 81.3, weighting: 'budget' },
					{ level: 'building', key: BUILDINGS[2], pct: 55.6, weighting: 'budget' },
					{ level: 'community', key: PLACE, pct: 72, weighting: 'budget' }
				]);

				// A neighbour in the same sub-district but batch 2032 has an item with no budget: batch
				// 2031 holds only ours; the sub-district falls back to counting items.
				await addItems(tx, [{ n: 4, code: 'greening', budget: null, pct: 30 }], NEIGHBOUR);
				expect(await progress(tx, `(level = 'batch_year' and key = '2031') or (level = 'subdistrict' and key = '${SPARE.subdistrict}')`)).toEqual([
					{ level: 'batch_year', key: '2031', pct: 72, weighting: 'budget' },
					// (100 + 50 + 0 + 30) / 4 = 45
					{ level: 'subdistrict', key: SPARE.subdistrict, pct: 45, weighting: 'count' }
				]);
			}));

		it('gives every demo community a figure, by budget except where a project awaits approval', async () => {
			const rows = await scratch.db.query<{ weighting: string; stage: string }>(
				`select p.weighting, r.stage from public.communities c
				 join public.renovation_projects r on r.community_id = c.id
				 left join public.plan_progress p on p.level = 'community' and p.key = c.id::text
				 where c.is_demo`
			);
			expect(rows).toHaveLength(22);
			for (const r of rows) expect(r.weighting).toBe(r.stage === 'approval' ? 'count' : 'budget');
		});

		it('rolls the demo plans up to the district as the items say', async () => {
			const [row] = await scratch.db.query<{ pct: number; weighting: string; hand: number }>(
				`select p.progress_pct::float8 as pct, p.weighting,
				        round(case when p.weighting = 'budget'
				                   then (select sum(budget_yuan * percent_complete) / sum(budget_yuan) from public.plan_items)
				                   else (select avg(percent_complete) from public.plan_items) end, 1)::float8 as hand
				 from public.plan_progress p where p.level = 'district' and p.key = '370303'`
			);
			expect(row.pct).toBe(row.hand);
		});
	});

	describe('the rows’ own rules', () => {
		const refusedWith = async (tx: Queryable, sql: string) => {
			await tx.query('savepoint bad');
			try {
				await tx.query(sql);
				return 'accepted';
			} catch (error) {
				return (error as { code?: string }).code;
			} finally {
				await tx.query('rollback to savepoint bad');
			}
		};

		it('keeps an item’s buildings and a line’s items to their own community, and status to percentage', () =>
			onPlace(async (tx) => {
				await addItems(tx, [{ n: 1, code: 'roads', budget: 1000 }]);
				await addItems(tx, [{ n: 2, code: 'roads', budget: 1000 }], OTHER);
				expect(await refusedWith(tx, `update public.plan_items set building_ids = '{${BUILDINGS[0]}}' where id = '${item(2)}'`)).toBe('23503');
				expect(await refusedWith(tx, `update public.plan_items set building_ids = '{${BUILDINGS[0]},${BUILDINGS[0]}}' where id = '${item(1)}'`)).toBe('23514');
				expect(await refusedWith(tx, `update public.plan_items set status = 'done' where id = '${item(1)}'`)).toBe('23514');
				expect(await refusedWith(tx, `update public.plan_items set status = 'in_progress', percent_complete = 40 where id = '${item(1)}'`)).toBe('accepted');
				expect(
					await refusedWith(tx, `insert into public.funding_lines (community_id, source, amount_yuan, plan_item_ids) values ('${PLACE}', 'donations', 5, '{${item(2)}}')`)
				).toBe('23503');
			}));

		it('fills the unit from the catalogue, and forgets removed buildings and items', () =>
			onPlace(async (tx) => {
				await addItems(tx, [{ n: 1, code: 'painting', budget: 1000, buildings: [0, 1] }]);
				await addLines(tx, [{ n: 1, source: 'donations', amount: 10, items: [1] }]);
				const [{ unit }] = await tx.query<{ unit: string }>(`select unit from public.plan_items where id = '${item(1)}'`);
				expect(unit).toBe('m²');
				await tx.query(`delete from public.buildings where id = '${BUILDINGS[0]}'`);
				const [{ ids }] = await tx.query<{ ids: string[] }>(`select building_ids::text[] as ids from public.plan_items where id = '${item(1)}'`);
				expect(ids).toEqual([BUILDINGS[1]]);
				await tx.query(`delete from public.plan_items where id = '${item(1)}'`);
				const [{ items }] = await tx.query<{ items: string[] }>(`select plan_item_ids::text[] as items from public.funding_lines where id = '${line(1)}'`);
				expect(items).toEqual([]);
			}));
	});
});
