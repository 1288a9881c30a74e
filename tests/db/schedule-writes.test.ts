import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEligibility } from '../../src/lib/server/schedule/eligibility';
import { readEligibilityOverride, saveEligibilityOverride } from '../../src/lib/server/schedule/override';
import { readMilestoneReplan, saveMilestoneReplan } from '../../src/lib/server/schedule/replan';
import { readReplans } from '../../src/lib/server/schedule/replans';
import type { Outcome, Refusal } from '../../src/lib/server/writes/outcome';
import { backends, openSeeded, type Scratch } from './backends';
import { addStaff, callers, communityId, IN_A, IN_B, names } from './staff-fixture';

function ok<T>(outcome: Outcome<T>): T {
	if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
	return outcome.value;
}

function refusal<T>(outcome: Outcome<T>): Refusal {
	if (outcome.ok) throw new Error(`expected a refusal, got ${JSON.stringify(outcome.value)}`);
	return outcome.refusal;
}

describe.each(backends)('re-planning and overrides through the server on $name', (backend) => {
	let scratch: Scratch;
	let a: string;
	let b: string;

	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addStaff(scratch.db);
		a = await communityId(scratch.db, IN_A.code);
		b = await communityId(scratch.db, IN_B.code);
		// Community A's acceptance still to come, so there is a pending milestone to move.
		await scratch.db.query(
			`update public.project_milestones m set actual_on = null from public.renovation_projects p
			 where p.id = m.project_id and p.community_id = $1 and m.stage in ('acceptance', 'archived')`,
			[a]
		);
		await scratch.db.query(`update public.renovation_projects set stage = 'construction' where community_id = $1`, [a]);
	});
	afterAll(() => scratch?.dispose());

	it('re-plans the first pending milestone with a reason: baseline kept, history told to staff only', async () => {
		const form = ok(await readMilestoneReplan(callers.planner, a, scratch.db));
		expect(form.values).toMatchObject({ stage: 'acceptance', reason: '' });
		const [before] = await scratch.db.query<{ baseline_on: string; planned_on: string }>(
			`select baseline_on::text, planned_on::text from public.project_milestones m join public.renovation_projects p on p.id = m.project_id
			 where p.community_id = $1 and m.stage = 'acceptance'`,
			[a]
		);
		const saved = ok(
			await saveMilestoneReplan(callers.planner, a, { version: form.version, seen: form.seen, values: { stage: 'acceptance', plannedOn: '2024-03-01', reason: ' 冬季停工，顺延 ' } }, scratch.db)
		);
		expect(saved.version).toBe(form.version + 1);
		const [replan] = ok(await readReplans(callers.planner, a, scratch.db));
		expect(replan).toMatchObject({ stage: 'acceptance', oldOn: before.planned_on, newOn: '2024-03-01', reason: '冬季停工，顺延', by: names.planner });
		const [after] = await scratch.db.query<{ baseline_on: string }>(
			`select baseline_on::text from public.project_milestones m join public.renovation_projects p on p.id = m.project_id
			 where p.community_id = $1 and m.stage = 'acceptance'`,
			[a]
		);
		expect(after.baseline_on).toBe(before.baseline_on);
		expect(ok(await readReplans(callers.anon, a, scratch.db))).toEqual([]);
	});

	it('refuses a re-plan without a reason, to the same date, over a newer version, or outside the editor’s sub-districts', async () => {
		const form = ok(await readMilestoneReplan(callers.editorA, a, scratch.db));
		const body = (values: object, version = form.version) => ({ version, seen: form.seen, values: { stage: 'acceptance', plannedOn: '2024-04-01', reason: '设计变更', ...values } });
		expect(refusal(await saveMilestoneReplan(callers.editorA, a, body({ reason: '  ' }), scratch.db))).toEqual({
			kind: 'invalid',
			fields: { reason: { key: 'edit.error.reasonShort', values: { min: 4 } } }
		});
		expect(refusal(await saveMilestoneReplan(callers.editorA, a, body({ plannedOn: '2024-03-01' }), scratch.db))).toEqual({
			kind: 'invalid',
			fields: { plannedOn: { key: 'edit.error.samePlannedDate' } }
		});
		expect(refusal(await saveMilestoneReplan(callers.editorA, a, body({}, form.version - 1), scratch.db)).kind).toBe('conflict');
		const other = ok(await readMilestoneReplan(callers.editorA, b, scratch.db));
		expect(refusal(await saveMilestoneReplan(callers.editorA, b, { version: other.version, seen: other.seen, values: { stage: 'archived', plannedOn: '2030-01-01', reason: '越权调整' } }, scratch.db))).toEqual({
			kind: 'forbidden',
			reason: 'outside_subdistricts'
		});
		ok(await saveMilestoneReplan(callers.editorA, a, body({}), scratch.db));
	});

	it('records a planner’s override with its reason, and only a planner’s, only where one is needed', async () => {
		const form = ok(await readEligibilityOverride(callers.planner, a, scratch.db));
		const body = (reason: string, version = form.version) => ({ version, seen: form.seen, values: { reason } });
		expect(refusal(await saveEligibilityOverride(callers.planner, a, body('不需要例外'), scratch.db))).toEqual({
			kind: 'invalid',
			fields: { _form: { key: 'edit.error.overrideNeedless' } }
		});
		await scratch.db.query(`update public.communities set mostly_self_built = true where id = $1`, [a]);
		const fresh = ok(await readEligibilityOverride(callers.planner, a, scratch.db));
		expect(refusal(await saveEligibilityOverride(callers.editorA, a, { version: fresh.version, seen: fresh.seen, values: { reason: '编辑自批例外' } }, scratch.db)).kind).toBe('forbidden');
		expect(refusal(await saveEligibilityOverride(callers.planner, a, body('旧版本上的例外', form.version), scratch.db)).kind).toBe('conflict');
		ok(await saveEligibilityOverride(callers.planner, a, { version: fresh.version, seen: fresh.seen, values: { reason: '自建房比例经复核低于一半' } }, scratch.db));

		const seen = ok(await readEligibility(callers.planner, a, scratch.db));
		expect(seen).toMatchObject({ status: 'not_eligible', reasons: ['mostly_self_built'] });
		expect(seen.overrides).toEqual([expect.objectContaining({ reason: '自建房比例经复核低于一半', covers: ['mostly_self_built'], grantedBy: names.planner })]);
		expect(ok(await readEligibility(callers.anon, a, scratch.db)).overrides).toEqual([]);
	});
});
