import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueItemValues, KeptCatalogueItem, NewCatalogueItemValues } from '../../src/lib/domain/catalogue';
import type { PlanItemValues } from '../../src/lib/domain/plan';
import { addCatalogueItem, listKeptCatalogue, removeCatalogueItem, saveCatalogueItem } from '../../src/lib/server/plans/catalogue';
import { readCatalogue, readFunding } from '../../src/lib/server/plans/read';
import { addFundingLine, addPlanItem, savePlanItem } from '../../src/lib/server/plans/writes';
import type { Outcome, Refusal } from '../../src/lib/server/writes/outcome';
import { backends, openSeeded, type Scratch } from './backends';
import { addStaff, auditCount, callers, communityId, IN_A, names } from './staff-fixture';

function ok<T>(outcome: Outcome<T>): T {
	if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
	return outcome.value;
}

function refusal<T>(outcome: Outcome<T>): Refusal {
	if (outcome.ok) throw new Error(`expected a refusal, got ${JSON.stringify(outcome.value)}`);
	return outcome.refusal;
}

const shelter: NewCatalogueItemValues = {
	code: 'rain_shelter',
	itemClass: 'improvement',
	part: 'outside_buildings',
	unit: '处',
	isServiceRoom: false,
	nameZh: '候车雨棚',
	nameEn: 'Rain shelter',
	retired: false
};

const planItem = (catalogueCode: string, changes: Partial<PlanItemValues> = {}): PlanItemValues => ({
	catalogueCode,
	quantity: 2,
	unit: '处',
	budgetYuan: 80_000,
	buildingIds: [],
	status: 'planned',
	percentComplete: 0,
	note: null,
	...changes
});

const valuesOf = ({ itemClass, part, unit, isServiceRoom, nameZh, nameEn, retired }: KeptCatalogueItem): CatalogueItemValues => ({
	itemClass,
	part,
	unit,
	isServiceRoom,
	nameZh,
	nameEn,
	retired
});

function find(list: KeptCatalogueItem[], code: string): KeptCatalogueItem {
	const item = list.find((k) => k.code === code);
	if (!item) throw new Error(`${code} is not in the catalogue`);
	return item;
}

describe.each(backends)('the catalogue as planners keep it on $name', (backend) => {
	let scratch: Scratch;
	let a: string;

	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addStaff(scratch.db);
		a = await communityId(scratch.db, IN_A.code);
	});
	afterAll(() => scratch?.dispose());

	it('lets a planner add an item, which everyone then reads and the record names the planner for', async () => {
		const before = ok(await readCatalogue(callers.anon, scratch.db));
		const list = ok(await addCatalogueItem(callers.planner, shelter, scratch.db));
		const added = find(list, 'rain_shelter');
		expect(added).toMatchObject({ itemClass: 'improvement', retired: false, uses: 0, version: 1 });
		expect(added.seen).toBeGreaterThan(0);
		// Appended after the items of the implementation plan.
		expect(list.at(-1)?.code).toBe('rain_shelter');
		expect(ok(await readCatalogue(callers.anon, scratch.db))).toHaveLength(before.length + 1);
		const [entry] = await scratch.db.query<{ actor_name: string; action: string; community_id: string | null }>(
			`select actor_name, action, community_id from public.audit_log where table_name = 'renovation_catalogue' and row_id = $1`,
			[added.id]
		);
		expect(entry).toEqual({ actor_name: names.planner, action: 'insert', community_id: null });
		expect(refusal(await addCatalogueItem(callers.planner, shelter, scratch.db))).toEqual({
			kind: 'invalid',
			fields: { code: { key: 'catalogue.error.codeTaken' } }
		});
	});

	it('refuses editors, leaders, the public and users without a role, leaving nothing behind', async () => {
		const list = ok(await listKeptCatalogue(callers.planner, scratch.db));
		const roads = find(list, 'roads');
		const change = { version: roads.version, seen: roads.seen, values: { ...valuesOf(roads), nameZh: '道路' } };
		const count = await auditCount(scratch.db);
		for (const [caller, reason] of [
			[callers.editorA, 'outside_subdistricts'],
			[callers.leader, 'read_only_role'],
			[callers.noRole, 'read_only_role'],
			[callers.anon, 'sign_in']
		] as const) {
			expect(refusal(await listKeptCatalogue(caller, scratch.db))).toEqual({ kind: 'forbidden', reason });
			expect(refusal(await addCatalogueItem(caller, { ...shelter, code: 'other_item' }, scratch.db))).toEqual({ kind: 'forbidden', reason });
			expect(refusal(await saveCatalogueItem(caller, roads.id, change, scratch.db))).toEqual({ kind: 'forbidden', reason });
			expect(refusal(await removeCatalogueItem(caller, roads.id, { version: roads.version, seen: roads.seen }, scratch.db))).toEqual({
				kind: 'forbidden',
				reason
			});
		}
		expect(await auditCount(scratch.db)).toBe(count);
		expect(find(ok(await listKeptCatalogue(callers.planner, scratch.db)), 'roads').nameZh).toBe('整修小区道路');
	});

	it('saves over the version it was loaded at, and says what changed when another save came first', async () => {
		const item = find(ok(await listKeptCatalogue(callers.planner, scratch.db)), 'rain_shelter');
		const saved = find(ok(await saveCatalogueItem(callers.planner, item.id, { version: item.version, seen: item.seen, values: { ...valuesOf(item), unit: '个' } }, scratch.db)), 'rain_shelter');
		expect(saved).toMatchObject({ unit: '个', version: item.version + 1 });
		expect(saved.seen).toBeGreaterThan(item.seen);

		const count = await auditCount(scratch.db);
		const stale = refusal(await saveCatalogueItem(callers.planner, item.id, { version: item.version, seen: item.seen, values: valuesOf(item) }, scratch.db));
		if (stale.kind !== 'conflict') throw new Error(`expected a conflict, got ${stale.kind}`);
		expect(stale.changes).toHaveLength(1);
		expect(stale.changes[0]).toMatchObject({ actor: { name: names.planner }, changes: [{ fields: [{ column: 'unit', from: '处', to: '个' }] }] });
		expect(find(stale.current as KeptCatalogueItem[], 'rain_shelter').unit).toBe('个');
		expect(await auditCount(scratch.db)).toBe(count);
	});

	it('removes an unused item, but an item in a plan only retires: no longer offered, kept by its plans', async () => {
		const list = ok(await addCatalogueItem(callers.planner, { ...shelter, code: 'spare_item' }, scratch.db));
		const spare = find(list, 'spare_item');
		const gone = ok(await removeCatalogueItem(callers.planner, spare.id, { version: spare.version, seen: spare.seen }, scratch.db));
		expect(gone.some((k) => k.code === 'spare_item')).toBe(false);

		const plan = ok(await addPlanItem(callers.editorA, a, planItem('rain_shelter'), scratch.db));
		const used = find(ok(await listKeptCatalogue(callers.planner, scratch.db)), 'rain_shelter');
		expect(used.uses).toBe(1);
		expect(refusal(await removeCatalogueItem(callers.planner, used.id, { version: used.version, seen: used.seen }, scratch.db))).toEqual({
			kind: 'invalid',
			fields: { _form: { key: 'catalogue.error.inUse', values: { count: 1 } } }
		});
		// Even past the check, the plan items' reference keeps it.
		await expect(scratch.db.query(`delete from public.renovation_catalogue where id = $1`, [used.id])).rejects.toMatchObject({ code: '23503' });

		ok(await saveCatalogueItem(callers.planner, used.id, { version: used.version, seen: used.seen, values: { ...valuesOf(used), retired: true } }, scratch.db));
		expect(find(ok(await readCatalogue(callers.anon, scratch.db)) as KeptCatalogueItem[], 'rain_shelter').retired).toBe(true);
		// A new plan item may not take it up; the one that has it keeps it through a save.
		expect(refusal(await addPlanItem(callers.editorA, a, planItem('rain_shelter'), scratch.db))).toEqual({
			kind: 'invalid',
			fields: { catalogueCode: { key: 'edit.error.rejected' } }
		});
		const item = plan.items.find((i) => i.catalogueCode === 'rain_shelter');
		if (!item) throw new Error('the plan item is missing');
		const kept = ok(await savePlanItem(callers.editorA, item.id, { version: item.version, seen: plan.seen, values: planItem('rain_shelter', { quantity: 3 }) }, scratch.db));
		expect(kept.items.find((i) => i.id === item.id)).toMatchObject({ catalogueCode: 'rain_shelter', quantity: 3 });
		// Nor may an existing item be switched to it.
		const other = kept.items.find((i) => i.catalogueCode !== 'rain_shelter');
		if (!other) throw new Error('no other plan item');
		expect(
			refusal(await savePlanItem(callers.editorA, other.id, { version: other.version, seen: kept.seen, values: planItem('rain_shelter') }, scratch.db)).kind
		).toBe('invalid');
	});

	it('changes the funding rule’s verdict when an item is reclassified', async () => {
		const added = find(ok(await addCatalogueItem(callers.planner, { ...shelter, code: 'service_hall' }, scratch.db)), 'service_hall');
		const plan = ok(await addPlanItem(callers.planner, a, planItem('service_hall', { budgetYuan: 50_000 }), scratch.db));
		const item = plan.items.find((i) => i.catalogueCode === 'service_hall');
		if (!item) throw new Error('the plan item is missing');
		const funding = ok(await addFundingLine(callers.planner, a, { source: 'municipal_subsidy', amountYuan: 40_000, planItemIds: [item.id], note: null }, scratch.db));
		const line = funding.lines.find((l) => l.planItemIds.includes(item.id));
		if (!line) throw new Error('the funding line is missing');
		const verdict = async () =>
			ok(await readFunding(callers.planner, a, scratch.db))
				.violations.filter((v) => v.fundingLineId === line.id)
				.map((v) => [v.reason, v.offendingYuan]);
		expect(await verdict()).toEqual([['tied_to_ineligible_items', 40_000]]);

		let current = added;
		async function reclassify(changes: Partial<CatalogueItemValues>) {
			const list = ok(await saveCatalogueItem(callers.planner, current.id, { version: current.version, seen: current.seen, values: { ...valuesOf(current), ...changes } }, scratch.db));
			current = find(list, 'service_hall');
		}
		await reclassify({ itemClass: 'basic' });
		expect(await verdict()).toEqual([]);
		await reclassify({ itemClass: 'upgrade' });
		expect(await verdict()).toEqual([['tied_to_ineligible_items', 40_000]]);
		await reclassify({ isServiceRoom: true });
		expect(await verdict()).toEqual([]);
		await reclassify({ isServiceRoom: false, itemClass: 'improvement' });
		expect(await verdict()).toEqual([['tied_to_ineligible_items', 40_000]]);
	});
});
