import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCaller, type Caller } from '../../src/lib/server/db/roles';
import { backends, openSeeded, type Scratch } from './backends';
import { addStaff, callers, communityId, IN_A, IN_B } from './staff-fixture';

interface Failure {
	code?: string;
	hint?: string;
	constraint?: string;
}

async function failure(promise: Promise<unknown>): Promise<Failure> {
	try {
		await promise;
	} catch (error) {
		return error as Failure;
	}
	throw new Error('expected the database to refuse');
}

describe.each(backends)('schedules on $name', (backend) => {
	let scratch: Scratch;
	let projectA: string;
	let projectB: string;

	const replan = (who: Caller, project: string, stage: string, to: string | null, reason: string | null) =>
		asCaller(scratch.db, who, async (tx) => {
			if (reason !== null) await tx.query(`select set_config('atlas.replan_reason', $1, true)`, [reason]);
			return tx.query<{ planned_on: string }>(
				`update public.project_milestones set planned_on = $3::date where project_id = $1 and stage = $2 returning planned_on::text`,
				[project, stage, to]
			);
		});
	const milestone = async (project: string, stage: string) =>
		(await scratch.db.query<{ baseline_on: string | null; planned_on: string | null; version: number }>(
			`select baseline_on::text, planned_on::text, version from public.project_milestones where project_id = $1 and stage = $2`,
			[project, stage]
		))[0];
	const replans = (project: string, stage: string) =>
		scratch.db.query<{ old_on: string | null; new_on: string | null; reason: string | null; replanned_by: string | null }>(
			`select old_on::text, new_on::text, reason, replanned_by from public.milestone_replans where project_id = $1 and stage = $2 order by replanned_at, old_on`,
			[project, stage]
		);
	const schedule = async (project: string) =>
		(await scratch.db.query<{ late: boolean; delay_days: number | null }>(
			`select late, delay_days from public.community_schedule where project_id = $1`,
			[project]
		))[0];

	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addStaff(scratch.db);
		const project = async (code: string) =>
			(await scratch.db.query<{ id: string }>(`select id from public.renovation_projects where community_id = $1`, [await communityId(scratch.db, code)]))[0].id;
		projectA = await project(IN_A.code);
		projectB = await project(IN_B.code);
	});
	afterAll(() => scratch?.dispose());

	it('flags the 11 demo communities with a milestone planned before their status date that has not happened', async () => {
		const [row] = await scratch.db.query<{ late: number; total: number }>(
			`select count(*) filter (where late)::int as late, count(*)::int as total from public.community_schedule`
		);
		expect(row).toEqual({ late: 11, total: 22 });
		const [check] = await scratch.db.query<{ n: number }>(
			`select count(distinct p.community_id)::int as n from public.renovation_projects p
			 join public.project_milestones m on m.project_id = p.id
			 where m.actual_on is null and m.planned_on < p.status_as_of`
		);
		expect(check.n).toBe(11);
	});

	it('gives every demo milestone with a plan a baseline', async () => {
		const [row] = await scratch.db.query<{ n: number }>(
			`select count(*)::int as n from public.project_milestones where planned_on is not null and baseline_on is null`
		);
		expect(row.n).toBe(0);
	});

	it('keeps the baseline when a planner re-plans with a reason, and records old, new, why and who', async () => {
		const before = await milestone(projectA, 'archived');
		await replan(callers.planner, projectA, 'archived', '2031-03-01', '审计决算延期');
		const after = await milestone(projectA, 'archived');
		expect(after).toEqual({ baseline_on: before.baseline_on, planned_on: '2031-03-01', version: before.version + 1 });
		expect((await replans(projectA, 'archived')).at(-1)).toEqual({
			old_on: before.planned_on,
			new_on: '2031-03-01',
			reason: '审计决算延期',
			replanned_by: (callers.planner as { userId: string }).userId
		});
		const [entry] = await scratch.db.query<{ old_values: Record<string, unknown>; new_values: Record<string, unknown> }>(
			`select old_values, new_values from public.audit_log where table_name = 'project_milestones' and row_id = $1 order by id desc limit 1`,
			[`${projectA}/archived`]
		);
		expect(entry).toEqual({ old_values: { planned_on: before.planned_on }, new_values: { planned_on: '2031-03-01' } });
	});

	it('lets an editor re-plan its own sub-district’s milestones only', async () => {
		expect(await replan(callers.editorA, projectA, 'archived', '2031-04-01', '冬季停工')).toHaveLength(1);
		expect(await replan(callers.editorA, projectB, 'archived', '2031-04-01', '越权')).toHaveLength(0);
		expect((await replans(projectB, 'archived')).map((r) => r.reason)).not.toContain('越权');
	});

	it('refuses to move a planned date without a reason, to anyone, and records nothing', async () => {
		const before = await milestone(projectA, 'archived');
		const history = await replans(projectA, 'archived');
		for (const run of [
			() => replan(callers.planner, projectA, 'archived', '2031-05-01', null),
			() => replan(callers.editorA, projectA, 'archived', '2031-05-01', '  '),
			() => replan(callers.planner, projectA, 'archived', null, null),
			() => scratch.db.query(`update public.project_milestones set planned_on = '2031-05-01' where project_id = $1 and stage = 'archived'`, [projectA])
		]) {
			expect(await failure(run())).toMatchObject({ code: '23514', constraint: 'replan_reason_required' });
		}
		expect(await milestone(projectA, 'archived')).toEqual(before);
		expect(await replans(projectA, 'archived')).toEqual(history);
		// The same change with a reason goes through, and the reason is kept.
		await replan(callers.planner, projectA, 'archived', '2031-05-01', '审计延期');
		expect((await replans(projectA, 'archived')).at(-1)).toMatchObject({ new_on: '2031-05-01', reason: '审计延期' });
	});

	it('refuses to move a baseline, to anyone', async () => {
		for (const run of [
			(sql: string) => asCaller(scratch.db, callers.planner, (tx) => tx.query(sql)),
			(sql: string) => scratch.db.query(sql)
		]) {
			const refused = await failure(run(`update public.project_milestones set baseline_on = '2019-01-01' where project_id = '${projectA}'`));
			expect(refused).toMatchObject({ code: '55000', hint: 'baseline_fixed' });
		}
	});

	it('sets the baseline from the first planned date of a milestone that had none', async () => {
		await scratch.db.query(`delete from public.project_milestones where project_id = $1 and stage = 'archived'`, [projectB]);
		await asCaller(scratch.db, callers.planner, (tx) =>
			tx.query(`insert into public.project_milestones (project_id, stage) values ($1, 'archived')`, [projectB])
		);
		expect(await milestone(projectB, 'archived')).toMatchObject({ baseline_on: null, planned_on: null });
		await replan(callers.planner, projectB, 'archived', '2030-06-01', null);
		expect(await milestone(projectB, 'archived')).toMatchObject({ baseline_on: '2030-06-01', planned_on: '2030-06-01' });
		// Planning a date for the first time is no re-plan.
		expect(await replans(projectB, 'archived')).toEqual([]);
	});

	it('keeps the history of re-plans out of everyone’s hands', async () => {
		const insert = `insert into public.milestone_replans (project_id, stage, old_on, new_on, reason) values ('${projectA}', 'archived', null, '2031-01-01', '伪造')`;
		for (const who of [callers.planner, callers.editorA]) {
			expect((await failure(asCaller(scratch.db, who, (tx) => tx.query(insert)))).code).toBe('42501');
		}
		expect(await failure(scratch.db.query(`update public.milestone_replans set reason = '改写' where project_id = $1`, [projectA]))).toMatchObject({ code: '42501' });
		expect(await asCaller(scratch.db, callers.editorB, (tx) => tx.query(`select 1 from public.milestone_replans where project_id = $1`, [projectA]))).toEqual([]);
		expect((await failure(asCaller(scratch.db, callers.anon, (tx) => tx.query(`select 1 from public.milestone_replans`)))).code).toBe('42501');
	});

	describe('late and the delay, on a crafted project', () => {
		let project: string;

		beforeAll(async () => {
			// A demo project of its own, its dates replaced: status reported on 2023-06-30.
			const [row] = await scratch.db.query<{ id: string }>(
				`select p.id from public.renovation_projects p join public.communities c on c.id = p.community_id where c.code = 'ZD-2022-01'`
			);
			project = row.id;
			await scratch.db.query(`delete from public.project_milestones where project_id = $1`, [project]);
			await scratch.db.query(`update public.renovation_projects set status_as_of = '2023-06-30', stage = 'tendering' where id = $1`, [project]);
			await scratch.db.query(
				`insert into public.project_milestones (project_id, stage, planned_on, actual_on) values
				   ($1, 'preparation', '2021-09-01', '2021-09-05'),
				   ($1, 'approval', '2022-03-01', '2022-03-21'),
				   ($1, 'tendering', '2022-05-01', '2022-06-10'),
				   ($1, 'construction', '2023-06-10', null),
				   ($1, 'acceptance', '2024-05-01', null)`,
				[project]
			);
		});

		it('is late when a milestone planned before the status date has not happened; the delay is counted from its baseline', async () => {
			expect(await schedule(project)).toEqual({ late: true, delay_days: 20 });
		});

		it('re-planned past the status date, is no longer late, but the delay against the baseline stays', async () => {
			await replan(callers.planner, project, 'construction', '2023-08-01', '招标流标，重新招标');
			expect(await schedule(project)).toEqual({ late: false, delay_days: 20 });
			const rows = await scratch.db.query<{ stage: string; slip_days: number; delay_days: number | null; overdue: boolean }>(
				`select stage, slip_days, delay_days, overdue from public.milestone_schedule where project_id = $1 order by ordinal`,
				[project]
			);
			expect(rows).toEqual([
				{ stage: 'preparation', slip_days: 0, delay_days: 4, overdue: false },
				{ stage: 'approval', slip_days: 0, delay_days: 20, overdue: false },
				{ stage: 'tendering', slip_days: 0, delay_days: 40, overdue: false },
				{ stage: 'construction', slip_days: 52, delay_days: 20, overdue: false },
				{ stage: 'acceptance', slip_days: 0, delay_days: null, overdue: false }
			]);
		});

		it('with nothing pending past its baseline, takes the last milestone that happened; ahead of plan is no delay', async () => {
			await scratch.db.query(`update public.renovation_projects set status_as_of = '2023-06-01' where id = $1`, [project]);
			expect(await schedule(project)).toEqual({ late: false, delay_days: 40 });
			await scratch.db.query(`update public.project_milestones set actual_on = '2022-04-20' where project_id = $1 and stage = 'tendering'`, [project]);
			expect(await schedule(project)).toEqual({ late: false, delay_days: 0 });
		});

		it('has no delay to tell without any baseline', async () => {
			await scratch.db.query(`delete from public.project_milestones where project_id = $1`, [project]);
			expect(await schedule(project)).toEqual({ late: false, delay_days: null });
		});
	});
});
