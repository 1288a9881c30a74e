import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanItemValues } from '../../src/lib/domain/plan';
import { loadAtlas } from '../../src/lib/server/atlas';
import { listViolations, readFunding, readPlan } from '../../src/lib/server/plans/read';
import { addFundingLine, addPlanItem, removePlanItem, saveFundingLine, savePlanItem } from '../../src/lib/server/plans/writes';
import type { Outcome, Refusal } from '../../src/lib/server/writes/outcome';
import { backends, openSeeded, type Scratch } from './backends';
import { addStaff, auditCount, callers, communityId, IN_A, IN_B } from './staff-fixture';

function ok<T>(outcome: Outcome<T>): T {
	if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
	return outcome.value;
}

function refusal<T>(outcome: Outcome<T>): Refusal {
	if (outcome.ok) throw new Error(`expected a refusal, got ${JSON.stringify(outcome.value)}`);
	return outcome.refusal;
}

const newItem = (changes: Partial<PlanItemValues> = {}): PlanItemValues => ({
	catalogueCode: 'elderly_care',
	quantity: 150,
	unit: 'm²',
	budgetYuan: 600_000,
	buildingIds: [],
	status: 'planned',
	percentComplete: 0,
	note: null,
	...changes
});

describe.each(backends)('plans and funding through the server on $name', (backend) => {
	let scratch: Scratch;
	let a: string; // a 2020 community of sub-district A: all done
	let b: string;
	let late: string; // a 2022 community still at approval: nothing done, some items uncosted

	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addStaff(scratch.db);
		a = await communityId(scratch.db, IN_A.code);
		b = await communityId(scratch.db, IN_B.code);
		const [row] = await scratch.db.query<{ id: string }>(
			`select c.id from public.communities c join public.renovation_projects p on p.community_id = c.id where p.stage = 'approval'`
		);
		late = row.id;
	});
	afterAll(() => scratch?.dispose());

	it('shows the public a published plan with its weighting, and never its funding', async () => {
		const plan = ok(await readPlan(callers.anon, a, scratch.db));
		expect(plan.items.length).toBeGreaterThan(5);
		expect(plan.progress).toEqual({ pct: 100, weighting: 'budget' });
		expect(plan.rights).toEqual({ editPlan: false, readFunding: false, editFunding: false });
		expect(refusal(await readFunding(callers.anon, a, scratch.db))).toEqual({ kind: 'forbidden', reason: 'sign_in' });
		expect(refusal(await readFunding(callers.noRole, a, scratch.db))).toEqual({ kind: 'forbidden', reason: 'read_only_role' });
		expect(refusal(await readFunding(callers.editorB, a, scratch.db))).toEqual({ kind: 'forbidden', reason: 'outside_subdistricts' });
		expect(ok(await readFunding(callers.leader, a, scratch.db)).lines.length).toBeGreaterThan(3);
		expect(refusal(await listViolations(callers.anon, scratch.db))).toMatchObject({ kind: 'forbidden' });
	});

	it('states the count fallback where a plan has items without a budget', async () => {
		const plan = ok(await readPlan(callers.planner, late, scratch.db));
		expect(plan.progress).toEqual({ pct: 0, weighting: 'count' });
		expect(plan.items.some((i) => i.budgetYuan === null)).toBe(true);
	});

	it('lets an editor add an item to its own plan and record progress; the atlas percentage follows', async () => {
		const before = ok(await readPlan(callers.editorA, a, scratch.db));
		expect(before.rights.editPlan).toBe(true);
		const added = ok(await addPlanItem(callers.editorA, a, newItem(), scratch.db));
		expect(added.items).toHaveLength(before.items.length + 1);
		expect(added.progress.pct).toBeLessThan(100);
		const item = added.items.find((i) => i.catalogueCode === 'elderly_care' && i.budgetYuan === 600_000);
		if (!item) throw new Error('the new item is missing');

		const values = { ...newItem(), status: 'in_progress' as const, percentComplete: 50 };
		const saved = ok(await savePlanItem(callers.editorA, item.id, { version: item.version, seen: added.seen, values }, scratch.db));
		expect(saved.progress.pct).toBeGreaterThan(added.progress.pct ?? 100);
		const atlas = await loadAtlas(callers.editorA, { db: scratch.db });
		const feature = atlas.communities.features.find((f) => f.id === a);
		expect(feature?.properties).toMatchObject({ progressPct: saved.progress.pct, progressWeighting: 'budget' });
		expect(atlas.buildings.features.find((f) => f.properties.communityId === a)?.properties.progressWeighting).toBe('budget');

		// A second save over the old version collides: 409 with what changed, nothing written.
		const count = await auditCount(scratch.db);
		const stale = refusal(await savePlanItem(callers.planner, item.id, { version: item.version, seen: added.seen, values: newItem({ note: '旧' }) }, scratch.db));
		expect(stale.kind).toBe('conflict');
		expect(await auditCount(scratch.db)).toBe(count);

		const gone = ok(await removePlanItem(callers.editorA, item.id, { version: item.version + 1, seen: saved.seen }, scratch.db));
		expect(gone.items).toHaveLength(before.items.length);
	});

	it('schedules an item with planned dates, keeps them through a save that sends none, and refuses a finish before the start', async () => {
		const dated = newItem({ startsOn: '2024-04-01', finishesOn: '2024-06-30' });
		const added = ok(await addPlanItem(callers.planner, a, dated, scratch.db));
		const item = added.items.find((i) => i.catalogueCode === 'elderly_care' && i.startsOn === '2024-04-01');
		expect(item?.finishesOn).toBe('2024-06-30');
		if (!item) throw new Error('the new item is missing');

		// An older client, knowing nothing of dates, saves the item: its dates stay.
		const undated: Record<string, unknown> = { ...newItem({ note: '无日期' }) };
		delete undated.startsOn;
		delete undated.finishesOn;
		const saved = ok(await savePlanItem(callers.planner, item.id, { version: item.version, seen: added.seen, values: undated }, scratch.db));
		expect(saved.items.find((i) => i.id === item.id)).toMatchObject({ note: '无日期', startsOn: '2024-04-01', finishesOn: '2024-06-30' });

		const count = await auditCount(scratch.db);
		expect(refusal(await addPlanItem(callers.planner, a, newItem({ startsOn: '2024-06-30', finishesOn: '2024-04-01' }), scratch.db))).toEqual({
			kind: 'invalid',
			fields: { finishesOn: { key: 'edit.error.finishBeforeStart' } }
		});
		expect(refusal(await addPlanItem(callers.planner, a, newItem({ startsOn: '0202-06-30' }), scratch.db))).toEqual({
			kind: 'invalid',
			fields: { startsOn: { key: 'edit.error.planDateRange' } }
		});
		expect(await auditCount(scratch.db)).toBe(count);
		ok(await removePlanItem(callers.planner, item.id, { version: item.version + 1, seen: saved.seen }, scratch.db));
	});

	it('refuses what the schema, the rights or the database refuse, leaving nothing behind', async () => {
		const count = await auditCount(scratch.db);
		expect(refusal(await addPlanItem(callers.editorA, a, newItem({ status: 'done', percentComplete: 40 }), scratch.db))).toEqual({
			kind: 'invalid',
			fields: { percentComplete: { key: 'edit.error.percentStatus' } }
		});
		expect(refusal(await addPlanItem(callers.editorA, b, newItem(), scratch.db))).toEqual({ kind: 'forbidden', reason: 'outside_subdistricts' });
		expect(refusal(await addPlanItem(callers.leader, a, newItem(), scratch.db))).toEqual({ kind: 'forbidden', reason: 'read_only_role' });
		expect(refusal(await addPlanItem(callers.anon, a, newItem(), scratch.db))).toEqual({ kind: 'forbidden', reason: 'sign_in' });
		// Buildings of another community, and an unknown catalogue item: the database says no.
		const [other] = await scratch.db.query<{ id: string }>(`select id from public.buildings where community_id = $1 limit 1`, [b]);
		expect(refusal(await addPlanItem(callers.editorA, a, newItem({ buildingIds: [other.id] }), scratch.db)).kind).toBe('invalid');
		expect(refusal(await addPlanItem(callers.editorA, a, newItem({ catalogueCode: 'no_such_item' }), scratch.db)).kind).toBe('invalid');
		expect(await auditCount(scratch.db)).toBe(count);
	});

	it('lists the demo violations for a planner, who fixes one by moving the money to an eligible source', async () => {
		const listed = ok(await listViolations(callers.planner, scratch.db));
		expect(new Set(listed.map((v) => v.communityCode))).toEqual(new Set(['ZD-2021-03', 'ZD-2022-02']));
		const tied = listed.find((v) => v.reason === 'tied_to_ineligible_items');
		if (!tied) throw new Error('no tied violation');
		const funding = ok(await readFunding(callers.planner, tied.communityId, scratch.db));
		const line = funding.lines.find((l) => l.id === tied.fundingLineId);
		if (!line) throw new Error('the offending line is missing');
		expect(funding.violations.map((v) => v.fundingLineId)).toContain(line.id);

		const fixed = ok(
			await saveFundingLine(
				callers.planner,
				line.id,
				{ version: line.version, seen: funding.seen, values: { source: 'public_revenue', amountYuan: line.amountYuan, planItemIds: line.planItemIds, note: line.note } },
				scratch.db
			)
		);
		expect(fixed.violations).toEqual([]);
		// The other community's untied subsidies are all flagged, the excess spread over them.
		expect(new Set(ok(await listViolations(callers.planner, scratch.db)).map((v) => v.communityCode))).toEqual(new Set(['ZD-2021-03']));
		// Editors see only their own sub-districts' violations.
		expect(ok(await listViolations(callers.editorA, scratch.db)).every((v) => v.communityId === a)).toBe(true);
	});

	it('adds a funding line tied to plan items, and the rule flags it at once', async () => {
		const plan = ok(await readPlan(callers.editorA, a, scratch.db));
		const sheds = plan.items.find((i) => i.catalogueCode === 'bike_sheds');
		if (!sheds) throw new Error('no bike sheds in the plan');
		const funding = ok(
			await addFundingLine(callers.editorA, a, { source: 'central_subsidy', amountYuan: 1000, planItemIds: [sheds.id], note: null }, scratch.db)
		);
		expect(funding.violations).toEqual([expect.objectContaining({ reason: 'tied_to_ineligible_items', offendingYuan: 1000, offendingItemIds: [sheds.id] })]);
	});
});
