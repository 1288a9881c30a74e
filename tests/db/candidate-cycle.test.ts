import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStates } from '../../src/lib/domain/cycle';
import { readCycle } from '../../src/lib/server/cycle';
import { asCaller, type Caller } from '../../src/lib/server/db/roles';
import { backends, openSeeded, type Scratch } from './backends';
import { addStaff, callers, communityId, IN_A, IN_B } from './staff-fixture';

async function failure(promise: Promise<unknown>): Promise<{ code?: string }> {
	try {
		await promise;
	} catch (error) {
		return error as { code?: string };
	}
	throw new Error('expected the database to refuse');
}

/** A plan year whose lists were due long ago, so the states do not depend on today. */
const PAST_YEAR = 2019;

describe.each(backends)('the annual candidate lists on $name', (backend) => {
	let scratch: Scratch;
	let a: string;
	let b: string;

	const submit = (who: Caller, subdistrict: string, ids: string[], year = PAST_YEAR) =>
		asCaller(scratch.db, who, (tx) =>
			tx.query<{ submitted_by: string | null }>(
				`insert into public.candidate_submissions (plan_year, subdistrict_code, community_ids) values ($1, $2, $3::uuid[]) returning submitted_by`,
				[year, subdistrict, `{${ids.join(',')}}`]
			)
		);
	const cycle = (who: Caller, year = PAST_YEAR) =>
		asCaller(scratch.db, who, (tx) =>
			tx.query<{ subdistrict_code: string; state: string; communities: number | null; due_on: string }>(
				`select subdistrict_code, state, communities, due_on::text from public.candidate_cycle where plan_year = $1 order by subdistrict_code`,
				[year]
			)
		);

	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addStaff(scratch.db);
		a = await communityId(scratch.db, IN_A.code);
		b = await communityId(scratch.db, IN_B.code);
	});
	afterAll(() => scratch?.dispose());

	it('lets an editor send its own office’s list, naming the sender, and refuses another office’s', async () => {
		const [row] = await submit(callers.editorA, IN_A.subdistrict, [a]);
		expect(row.submitted_by).toBe((callers.editorA as { userId: string }).userId);
		expect((await failure(submit(callers.editorA, IN_B.subdistrict, [b]))).code).toBe('42501');
		expect((await failure(submit(callers.leader, IN_B.subdistrict, [b]))).code).toBe('42501');
	});

	it('refuses a list naming a community of another sub-district', async () => {
		expect((await failure(submit(callers.planner, IN_B.subdistrict, [a]))).code).toBe('23503');
	});

	it('shows planners every office: on time, late, missing; editors only their own list', async () => {
		// Sent after 31 October 2018 (China's time): late.
		await scratch.db.query(
			`insert into public.candidate_submissions (plan_year, subdistrict_code, community_ids, submitted_at) values ($1, $2, $3::uuid[], '2018-11-01 00:30+08')`,
			[PAST_YEAR, IN_B.subdistrict, `{${b}}`]
		);
		await scratch.db.query(`update public.candidate_submissions set submitted_at = '2018-10-31 23:30+08' where plan_year = $1 and subdistrict_code = $2`, [
			PAST_YEAR,
			IN_A.subdistrict
		]);
		const rows = await cycle(callers.planner);
		expect(rows).toHaveLength(13);
		expect(rows.every((r) => r.due_on === '2018-10-31')).toBe(true);
		expect(rows.find((r) => r.subdistrict_code === IN_A.subdistrict)).toMatchObject({ state: 'on_time', communities: 1 });
		expect(rows.find((r) => r.subdistrict_code === IN_B.subdistrict)).toMatchObject({ state: 'late', communities: 1 });
		expect(rows.filter((r) => r.state === 'missing')).toHaveLength(11);

		const editors = await cycle(callers.editorA);
		expect(editors.filter((r) => r.state !== 'missing').map((r) => r.subdistrict_code)).toEqual([IN_A.subdistrict]);
	});

	it('keeps who sent it and when through corrections, and records each change', async () => {
		const [before] = await scratch.db.query<{ submitted_at: string; version: number }>(
			`select submitted_at::text, version from public.candidate_submissions where plan_year = $1 and subdistrict_code = $2`,
			[PAST_YEAR, IN_A.subdistrict]
		);
		await asCaller(scratch.db, callers.editorA, (tx) =>
			tx.query(`update public.candidate_submissions set community_ids = '{}', submitted_at = now() where plan_year = $1 and subdistrict_code = $2`, [PAST_YEAR, IN_A.subdistrict])
		);
		const [after] = await scratch.db.query<{ submitted_at: string; version: number }>(
			`select submitted_at::text, version from public.candidate_submissions where plan_year = $1 and subdistrict_code = $2`,
			[PAST_YEAR, IN_A.subdistrict]
		);
		expect(after).toEqual({ submitted_at: before.submitted_at, version: before.version + 1 });
		const actions = await scratch.db.query<{ action: string }>(
			`select action, row_id from public.audit_log where table_name = 'candidate_submissions'
			   and row_id in (select id::text from public.candidate_submissions where plan_year = $1) order by id`,
			[PAST_YEAR]
		);
		expect(actions.map((r) => r.action)).toEqual(['insert', 'insert', 'update', 'update']);
	});

	it('gives planners the demo cycle of 2027 through the server: two late, three missing, the rest on time', async () => {
		const outcome = await readCycle(callers.planner, 2027, scratch.db);
		if (!outcome.ok) throw new Error('refused');
		expect(countStates(outcome.value)).toEqual({ on_time: 8, late: 2, missing: 3, pending: 0 });
		// Missing and late first: what the planner must chase.
		expect(outcome.value.slice(0, 5).map((r) => r.state)).toEqual(['missing', 'missing', 'missing', 'late', 'late']);
	});

	it('shows the coming year, not yet due or missing, to the public never', async () => {
		const [{ year }] = await scratch.db.query<{ year: number }>(`select extract(year from now() at time zone 'Asia/Shanghai')::int + 1 as year`);
		expect((await cycle(callers.planner, year)).length).toBe(13);
		expect((await failure(asCaller(scratch.db, callers.anon, (tx) => tx.query(`select * from public.candidate_cycle`)))).code).toBe('42501');
	});
});
