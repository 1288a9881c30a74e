import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCaller, type Caller } from '../../src/lib/server/db/roles';
import type { Queryable } from '../../src/lib/server/db/types';
import { backends, openSeeded, type Scratch } from './backends';
import { addStaff, callers, IN_A } from './staff-fixture';

// The dashboard's SQL (20261201090000–090200) against counts written here independently, as
// plain queries over the tables, with the stages named rather than read from the view's
// thresholds: if the views counted "in a batch" as done, or lost a building, these differ.

interface Figures {
	communities: number;
	buildings: number;
	floor_area_m2: string;
	households: number;
	residents: number;
}

const STARTED = `('tendering', 'construction', 'acceptance', 'archived')`;
const COMPLETED = `('acceptance', 'archived')`;

/** The communities in a batch, at a level, summed straight from the tables. */
function independent(tx: Queryable, level: 'planned' | 'started' | 'completed', where = 'true') {
	const stage = level === 'planned' ? 'true' : `p.stage in ${level === 'started' ? STARTED : COMPLETED}`;
	return tx.query<Figures & { key: string }>(
		`select coalesce(sum(1), 0)::int as communities,
		        coalesce(sum((select count(*) from public.buildings b where b.community_id = c.id)), 0)::int as buildings,
		        coalesce(sum(c.floor_area_m2), 0)::numeric(14, 2)::text as floor_area_m2,
		        coalesce(sum(c.households), 0)::int as households, coalesce(sum(c.residents), 0)::int as residents
		 from public.communities c left join public.renovation_projects p on p.community_id = c.id
		 where c.batch_year is not null and ${stage} and ${where}`
	);
}

const figures = (r: Figures) => ({
	communities: r.communities,
	buildings: r.buildings,
	floor_area_m2: Number(r.floor_area_m2).toFixed(2),
	households: r.households,
	residents: r.residents
});

describe.each(backends)('the dashboard figures on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addStaff(scratch.db);
	});
	afterAll(() => scratch?.dispose());

	const as = <T>(caller: Caller, fn: (tx: Queryable) => Promise<T>) => asCaller(scratch.db, caller, fn);

	it('reads the 2020–2022 targets as the plan has them: 22 / 296 / 106.73万m² / 11,425', async () => {
		const rows = await as(callers.leader, (tx) =>
			tx.query<{ level: string; target_communities: number; target_buildings: number; target_floor_area_wan_m2: string; target_households: number }>(
				`select level, target_communities, target_buildings, target_floor_area_wan_m2::text, target_households
				 from public.dashboard_targets where period_start = 2020 and period_end = 2022`
			)
		);
		expect(rows.map((r) => r.level)).toEqual(['planned', 'started', 'completed']);
		for (const r of rows) {
			expect([r.target_communities, r.target_buildings, r.target_floor_area_wan_m2, r.target_households]).toEqual([22, 296, '106.73', 11425]);
		}
		// …as renovation_targets holds them, one row per year and the period, newest version each.
		const periods = await as(callers.leader, (tx) =>
			tx.query<{ period: string }>(`select distinct period_start || '-' || period_end as period from public.dashboard_targets order by 1`)
		);
		expect(periods.map((p) => p.period)).toEqual(['2020-2020', '2020-2022', '2021-2021', '2022-2022']);
	});

	it('counts planned, started and completed as the tables do, per target period, per year, per sub-district and in total', async () => {
		for (const level of ['planned', 'started', 'completed'] as const) {
			const targets = await as(callers.planner, (tx) =>
				tx.query<Figures & { period_start: number; period_end: number }>(
					`select period_start, period_end, communities, buildings, floor_area_m2::text, households, residents
					 from public.dashboard_targets where level = $1`,
					[level]
				)
			);
			expect(targets).toHaveLength(4);
			for (const t of targets) {
				const [expected] = await as(callers.planner, (tx) => independent(tx, level, `c.batch_year between ${t.period_start} and ${t.period_end}`));
				expect(figures(t), `${level} ${t.period_start}-${t.period_end}`).toEqual(figures(expected));
			}
			const rows = await as(callers.planner, (tx) =>
				tx.query<Figures & { grouping_by: string; key: string }>(
					`select grouping_by, key, communities, buildings, floor_area_m2::text, households, residents
					 from public.dashboard_progress() where level = $1`,
					[level]
				)
			);
			const years = rows.filter((r) => r.grouping_by === 'batch_year');
			expect(years.map((r) => r.key)).toEqual(['2020', '2021', '2022']);
			for (const r of rows) {
				const where = r.grouping_by === 'batch_year' ? `c.batch_year = ${Number(r.key)}` : r.grouping_by === 'subdistrict' ? `c.subdistrict_code = '${r.key}'` : 'true';
				const [expected] = await as(callers.planner, (tx) => independent(tx, level, where));
				expect(figures(r), `${level} ${r.grouping_by} ${r.key}`).toEqual(figures(expected));
			}
		}
		// The demo's state (2023-06-30): every community is planned, one is not tendered yet,
		// ten are not accepted: the total is no "22/22 done".
		const total = await as(callers.leader, (tx) =>
			tx.query<{ level: string; communities: number }>(`select level, communities from public.dashboard_progress() where grouping_by = 'total'`)
		);
		expect(Object.fromEntries(total.map((r) => [r.level, r.communities]))).toEqual({ planned: 22, started: 21, completed: 12 });
	});

	it('applies the filters: one batch year in one sub-district', async () => {
		const rows = await as(callers.planner, (tx) =>
			tx.query<Figures & { grouping_by: string; level: string }>(
				`select grouping_by, level, communities, buildings, floor_area_m2::text, households, residents
				 from public.dashboard_progress(2022::smallint, '370303006') where grouping_by = 'total'`
			)
		);
		for (const r of rows) {
			const [expected] = await as(callers.planner, (tx) =>
				independent(tx, r.level as 'planned', `c.batch_year = 2022 and c.subdistrict_code = '370303006'`)
			);
			expect(figures(r)).toEqual(figures(expected));
		}
	});

	it('sums the funds by source as the funding lines add up, and the delays as the schedule has them', async () => {
		const money = await as(callers.planner, (tx) =>
			tx.query<{ source: string; lines: number; amount_yuan: string }>(`select source, lines, amount_yuan::text from public.dashboard_money() order by source`)
		);
		const lines = await as(callers.planner, (tx) =>
			tx.query<{ source: string; lines: number; amount_yuan: string }>(
				`select f.source, count(*)::int as lines, sum(f.amount_yuan)::text as amount_yuan
				 from public.funding_lines f join public.communities c on c.id = f.community_id
				 where c.batch_year is not null group by f.source order by f.source`
			)
		);
		expect(money).toEqual(lines);
		expect(money.length).toBeGreaterThan(5);

		const delays = await as(callers.planner, (tx) =>
			tx.query<{ communities: number; late: number; delay_days: number }>(`select communities, late, delay_days from public.dashboard_delays()`)
		);
		const [schedule] = await as(callers.planner, (tx) =>
			tx.query<{ communities: number; late: number; delay_days: number }>(
				`select count(*)::int as communities, count(*) filter (where s.late)::int as late, coalesce(sum(s.delay_days), 0)::int as delay_days
				 from public.communities c left join public.renovation_projects p on p.community_id = c.id
				 left join public.community_schedule s on s.project_id = p.id where c.batch_year is not null`
			)
		);
		const sum = (key: 'communities' | 'late' | 'delay_days') => delays.reduce((n, d) => n + d[key], 0);
		expect({ communities: sum('communities'), late: sum('late'), delay_days: sum('delay_days') }).toEqual(schedule);
		expect(schedule.late).toBe(11);
	});

	it('finds the communities whose progress was not written for 30 days, by the record of changes', async () => {
		// The demo's last reports are of 2023-06-30: two weeks later nothing is stale; today every
		// community not yet archived is.
		const soon = await as(callers.planner, (tx) => tx.query(`select * from public.dashboard_stale(30, null, null, '2023-07-15')`));
		expect(soon).toEqual([]);
		const now = await as(callers.planner, (tx) => tx.query<{ community_id: string }>(`select community_id from public.dashboard_stale()`));
		const [expected] = await as(callers.planner, (tx) =>
			tx.query<{ n: number }>(
				`select count(*)::int as n from public.communities c join public.renovation_projects p on p.community_id = c.id
				 where c.batch_year is not null and p.stage <> 'archived'`
			)
		);
		expect(now).toHaveLength(expected.n);
		// A progress write makes a community fresh again.
		const [{ id }] = await as(callers.planner, (tx) =>
			tx.query<{ id: string }>(
				`update public.renovation_projects set status_as_of = current_date
				 where community_id = (select community_id from public.dashboard_stale() limit 1) returning community_id as id`
			)
		);
		const after = await as(callers.planner, (tx) => tx.query<{ community_id: string }>(`select community_id from public.dashboard_stale()`));
		expect(after.map((r) => r.community_id)).not.toContain(id);
		expect(after).toHaveLength(expected.n - 1);
		// An editor reads the record of its own sub-districts only: the published communities
		// of others are not called stale for want of a record it may not read.
		const editors = await as(callers.editorA, (tx) =>
			tx.query<{ subdistrict_code: string }>(
				`select distinct d.subdistrict_code from public.dashboard_stale() s join public.dashboard_communities d on d.id = s.community_id`
			)
		);
		expect(editors.map((r) => r.subdistrict_code)).toEqual([IN_A.subdistrict]);
	});

	it('gives the public nothing of funding, and signed-in users without a role no money', async () => {
		for (const sql of [
			'select * from public.dashboard_money()',
			'select * from public.dashboard_funds',
			'select * from public.dashboard_communities',
			'select * from public.dashboard_targets',
			'select * from public.dashboard_progress()',
			'select * from public.dashboard_delays()',
			'select * from public.dashboard_stale()'
		]) {
			await expect(as(callers.anon, (tx) => tx.query(sql)), sql).rejects.toThrow(/permission denied/);
		}
		expect(await as(callers.noRole, (tx) => tx.query('select * from public.dashboard_money()'))).toEqual([]);
		expect(await as(callers.noRole, (tx) => tx.query('select * from public.dashboard_funds'))).toEqual([]);
	});

	it('shows an editor the money of its own sub-district only', async () => {
		const own = await as(callers.editorA, (tx) =>
			tx.query<{ subdistrict_code: string }>(
				`select distinct d.subdistrict_code from public.dashboard_funds f join public.dashboard_communities d on d.id = f.community_id`
			)
		);
		expect(own.map((r) => r.subdistrict_code)).toEqual([IN_A.subdistrict]);
		const [editor] = await as(callers.editorA, (tx) => tx.query<{ total: string }>(`select sum(amount_yuan)::text as total from public.dashboard_money()`));
		const [planner] = await as(callers.planner, (tx) =>
			tx.query<{ total: string }>(`select sum(amount_yuan)::text as total from public.dashboard_money(null, $1)`, [IN_A.subdistrict])
		);
		expect(editor.total).toBe(planner.total);
	});
});
