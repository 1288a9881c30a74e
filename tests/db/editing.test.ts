import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityFacts } from '../../src/lib/domain/community-facts';
import { loadAtlas } from '../../src/lib/server/atlas';
import { readBuildingFacts, saveBuildingFacts } from '../../src/lib/server/buildings/facts';
import { readCommunityFacts, saveCommunityFacts } from '../../src/lib/server/communities/facts';
import { setPublication } from '../../src/lib/server/communities/publication';
import { readProjectProgress, saveProjectProgress } from '../../src/lib/server/projects/progress';
import type { Outcome, Refusal } from '../../src/lib/server/writes/outcome';
import type { Editable } from '../../src/lib/server/writes/versioned';
import { backends, openSeeded, type Scratch } from './backends';
import { addStaff, auditCount, callers, communityId, IN_A, IN_B, names } from './staff-fixture';

function ok<T>(outcome: Outcome<T>): T {
	if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
	return outcome.value;
}

function refusal<T>(outcome: Outcome<T>): Refusal {
	if (outcome.ok) throw new Error(`expected a refusal, got ${JSON.stringify(outcome.value)}`);
	return outcome.refusal;
}

/** The body a form sends: what it loaded, with `changes` made by the user. */
function edited<T>(form: Editable<T>, changes: Partial<T>) {
	return { version: form.version, seen: form.seen, values: { ...form.values, ...changes } };
}

describe.each(backends)('editing on $name', (backend) => {
	let scratch: Scratch;
	let a: string; // a community of sub-district A
	let b: string; // …and one of B

	const version = async (table: string, id: string) =>
		(await scratch.db.query<{ version: number }>(`select version from public.${table} where id = $1`, [id]))[0].version;
	const lastEntries = (n: number) =>
		scratch.db.query<{ table_name: string; action: string; actor_id: string | null; actor_name: string | null; old_values: Record<string, unknown>; new_values: Record<string, unknown>; transaction_id: string }>(
			`select table_name, action, actor_id, actor_name, old_values, new_values, transaction_id::text from public.audit_log order by id desc limit $1`,
			[n]
		);

	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addStaff(scratch.db);
		a = await communityId(scratch.db, IN_A.code);
		b = await communityId(scratch.db, IN_B.code);
	});
	afterAll(() => scratch?.dispose());

	describe('community facts', () => {
		it('saves an editor’s change in its sub-district: new version, one record entry naming the editor', async () => {
			const form = ok(await readCommunityFacts(callers.editorA, a, scratch.db));
			expect(form.rights).toMatchObject({ facts: true, progress: true, buildings: true, publish: false, history: true });
			const before = await auditCount(scratch.db);

			const saved = ok(await saveCommunityFacts(callers.editorA, a, edited(form, { households: form.values.households + 7, name: '  玻璃厂家属院 ' }), scratch.db));

			expect(saved.version).toBe(form.version + 1);
			expect(saved.values.name).toBe('玻璃厂家属院');
			expect(saved.seen).toBeGreaterThan(form.seen);
			expect(await auditCount(scratch.db)).toBe(before + 1);
			const [entry] = await lastEntries(1);
			expect(entry).toMatchObject({
				table_name: 'communities',
				action: 'update',
				actor_id: (callers.editorA as { userId: string }).userId,
				actor_name: names.editorA,
				old_values: { households: form.values.households, name: form.values.name },
				new_values: { households: form.values.households + 7, name: '玻璃厂家属院' }
			});
		});

		it('refuses an editor outside its sub-districts with 403 and writes nothing', async () => {
			const form = ok(await readCommunityFacts(callers.editorA, b, scratch.db));
			expect(form.rights.facts).toBe(false);
			const before = { audit: await auditCount(scratch.db), version: await version('communities', b) };

			expect(refusal(await saveCommunityFacts(callers.editorA, b, edited(form, { households: 1 }), scratch.db))).toEqual({
				kind: 'forbidden',
				reason: 'outside_subdistricts'
			});
			expect(await auditCount(scratch.db)).toBe(before.audit);
			expect(await version('communities', b)).toBe(before.version);
		});

		it.each([
			['a leader', 'leader', 'read_only_role'],
			['a user without a role', 'noRole', 'read_only_role'],
			['the public', 'anon', 'sign_in']
		] as const)('refuses %s with 403 and writes nothing', async (_, who, reason) => {
			const form = ok(await readCommunityFacts(callers.planner, a, scratch.db));
			const before = await auditCount(scratch.db);
			expect(refusal(await saveCommunityFacts(callers[who], a, edited(form, { residents: 1 }), scratch.db))).toEqual({ kind: 'forbidden', reason });
			expect(await auditCount(scratch.db)).toBe(before);
			expect(await version('communities', a)).toBe(form.version);
		});

		it('answers 404 for a community the caller cannot see, and for an id that is no uuid', async () => {
			const form = ok(await readCommunityFacts(callers.planner, b, scratch.db));
			ok(await setPublication(callers.planner, b, { published: false }, scratch.db));
			try {
				// Unpublished B: editor A, the public and a user without a role no longer see it.
				for (const who of ['editorA', 'anon', 'noRole'] as const) {
					expect(refusal(await readCommunityFacts(callers[who], b, scratch.db))).toEqual({ kind: 'not_found' });
					expect(refusal(await saveCommunityFacts(callers[who], b, edited(form, { residents: 1 }), scratch.db))).toEqual({ kind: 'not_found' });
				}
				expect(refusal(await readCommunityFacts(callers.planner, 'ZD-2020-02', scratch.db))).toEqual({ kind: 'not_found' });
			} finally {
				ok(await setPublication(callers.planner, b, { published: true }, scratch.db));
			}
		});

		it('refuses invalid input with 400, a message key per field, and writes nothing', async () => {
			const form = ok(await readCommunityFacts(callers.editorA, a, scratch.db));
			const before = await auditCount(scratch.db);
			const bad = await saveCommunityFacts(
				callers.editorA,
				a,
				edited(form, { households: -3, builtYear: 2999, name: ' ', landTenure: 'leased' as CommunityFacts['landTenure'] }),
				scratch.db
			);
			expect(refusal(bad)).toEqual({
				kind: 'invalid',
				fields: {
					name: { key: 'edit.error.required', values: { min: 1 } },
					households: { key: 'edit.error.min', values: { min: 0 } },
					builtYear: { key: 'edit.error.max', values: { max: 2100 } },
					landTenure: { key: 'edit.error.choice' }
				}
			});
			expect(refusal(await saveCommunityFacts(callers.editorA, a, { values: form.values }, scratch.db))).toMatchObject({
				kind: 'invalid',
				fields: { version: { key: 'edit.error.version' }, seen: { key: 'edit.error.version' } }
			});
			expect(await auditCount(scratch.db)).toBe(before);
			expect(await version('communities', a)).toBe(form.version);
		});

		it('refuses the second of two saves from the same version with 409: who changed what, the row as it stands; nothing lost', async () => {
			const editorsForm = ok(await readCommunityFacts(callers.editorA, a, scratch.db));
			const plannersForm = ok(await readCommunityFacts(callers.planner, a, scratch.db));
			expect(plannersForm.version).toBe(editorsForm.version);

			const management = plannersForm.values.propertyManagement === 'none' ? 'simple' : 'none';
			const first = ok(await saveCommunityFacts(callers.planner, a, edited(plannersForm, { residents: 4321, propertyManagement: management }), scratch.db));
			const before = await auditCount(scratch.db);
			const second = refusal(await saveCommunityFacts(callers.editorA, a, edited(editorsForm, { households: 999 }), scratch.db));

			expect(second.kind).toBe('conflict');
			if (second.kind !== 'conflict') return;
			expect(second.changes).toHaveLength(1);
			const [change] = second.changes;
			expect(change.actor).toMatchObject({ name: names.planner, role: 'planner' });
			expect(change.changes).toEqual([
				{
					table: 'communities',
					rowId: a,
					action: 'update',
					subject: null,
					fields: expect.arrayContaining([
						{ column: 'residents', from: plannersForm.values.residents, to: 4321 },
						{ column: 'property_management', from: plannersForm.values.propertyManagement, to: management }
					])
				}
			]);
			expect(second.current).toMatchObject({ version: first.version, values: { residents: 4321, households: plannersForm.values.households } });
			// Nothing of the second save was written; the first stands.
			expect(await auditCount(scratch.db)).toBe(before);
			expect(ok(await readCommunityFacts(callers.editorA, a, scratch.db)).values).toMatchObject({ residents: 4321, households: plannersForm.values.households });

			// The editor keeps its input and saves it over the version it has now seen.
			const current = second.current as typeof editorsForm;
			const again = ok(
				await saveCommunityFacts(callers.editorA, a, { version: current.version, seen: current.seen, values: { ...editorsForm.values, households: 999 } }, scratch.db)
			);
			expect(again.version).toBe(first.version + 1);
		});

		it('lets exactly one of two simultaneous saves from the same version through; the other hears of it', async () => {
			const form = ok(await readCommunityFacts(callers.planner, a, scratch.db));
			// On PostgreSQL the two run at once on two connections and meet at the row lock;
			// PGlite queues them. Either way one wins and the other is told what it did.
			const [first, second] = await Promise.all([
				saveCommunityFacts(callers.planner, a, edited(form, { residents: 2001 }), scratch.db),
				saveCommunityFacts(callers.editorA, a, edited(form, { residents: 2002 }), scratch.db)
			]);
			const outcomes = [first, second];
			expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
			const lost = outcomes.find((o) => !o.ok);
			const won = outcomes.findIndex((o) => o.ok);
			expect(lost && !lost.ok && lost.refusal).toMatchObject({
				kind: 'conflict',
				changes: [{ actor: { name: won === 0 ? names.planner : names.editorA }, changes: [{ fields: [{ column: 'residents', to: won === 0 ? 2001 : 2002 }] }] }]
			});
			expect(ok(await readCommunityFacts(callers.planner, a, scratch.db)).values.residents).toBe(won === 0 ? 2001 : 2002);
		});
	});

	describe('project progress', () => {
		it('saves the stage and milestones in one transaction under the project’s version', async () => {
			const form = ok(await readProjectProgress(callers.editorA, a, scratch.db));
			const today = new Date().toISOString().slice(0, 10);
			const values = structuredClone(form.values);
			values.milestones.archived.plannedOn = '2031-05-01';
			values.milestones.acceptance.plannedOn = '2031-01-15';
			values.replanReason = '施工单位变更';
			const saved = ok(await saveProjectProgress(callers.editorA, a, { version: form.version, seen: form.seen, values: { ...values, statusAsOf: today } }, scratch.db));

			expect(saved.version).toBe(form.version + 1);
			expect(saved.values.milestones.archived.plannedOn).toBe('2031-05-01');
			const entries = await lastEntries(3);
			expect(new Set(entries.map((e) => e.transaction_id)).size).toBe(1);
			expect(entries.map((e) => e.table_name).sort()).toEqual(['project_milestones', 'project_milestones', 'renovation_projects']);
			expect(entries.every((e) => e.actor_name === names.editorA)).toBe(true);
		});

		it('guards a change of milestone dates alone: a stale form gets 409 listing the milestone change', async () => {
			const stale = ok(await readProjectProgress(callers.editorA, a, scratch.db));
			const fresh = ok(await readProjectProgress(callers.planner, a, scratch.db));
			const values = structuredClone(fresh.values);
			values.milestones.archived.plannedOn = '2031-06-01';
			values.replanReason = '审计排期顺延';
			ok(await saveProjectProgress(callers.planner, a, { version: fresh.version, seen: fresh.seen, values }, scratch.db));

			const refused = refusal(await saveProjectProgress(callers.editorA, a, { version: stale.version, seen: stale.seen, values: stale.values }, scratch.db));
			expect(refused).toMatchObject({
				kind: 'conflict',
				changes: [
					{
						actor: { name: names.planner },
						changes: [{ table: 'project_milestones', subject: 'archived', fields: [{ column: 'planned_on', from: '2031-05-01', to: '2031-06-01' }] }]
					}
				]
			});
		});

		it('refuses a planned date moved without a reason (422 on the reason), writing nothing, and keeps the reason given', async () => {
			const form = ok(await readProjectProgress(callers.editorA, a, scratch.db));
			expect(form.values.replanReason).toBeNull();
			const before = await auditCount(scratch.db);
			const values = structuredClone(form.values);
			values.milestones.archived.plannedOn = '2031-07-01';
			expect(refusal(await saveProjectProgress(callers.editorA, a, { version: form.version, seen: form.seen, values }, scratch.db))).toEqual({
				kind: 'invalid',
				rule: true,
				fields: { replanReason: { key: 'edit.error.replanReasonRequired' } }
			});
			expect(ok(await readProjectProgress(callers.editorA, a, scratch.db)).version).toBe(form.version);
			expect(await auditCount(scratch.db)).toBe(before);

			values.replanReason = ' 冬季停工，顺延 ';
			ok(await saveProjectProgress(callers.editorA, a, { version: form.version, seen: form.seen, values }, scratch.db));
			const [replan] = await scratch.db.query<{ new_on: string; reason: string; replanned_by: string }>(
				`select r.new_on::text, r.reason, r.replanned_by from public.milestone_replans r join public.renovation_projects p on p.id = r.project_id
				 where p.community_id = $1 and r.stage = 'archived' order by r.replanned_at desc limit 1`,
				[a]
			);
			expect(replan).toEqual({ new_on: '2031-07-01', reason: '冬季停工，顺延', replanned_by: (callers.editorA as { userId: string }).userId });
		});

		it('is all or nothing: when the milestones fail, the stage is not changed either', async () => {
			// A rule of the database the schema does not know, standing for any failure of the
			// statement after the project's update.
			await scratch.db.exec(`
				create function public.refuse_far_plans() returns trigger language plpgsql as $$
				begin
				  if new.planned_on > date '2040-01-01' then
				    raise exception 'too far ahead' using errcode = '23514', table = 'project_milestones', constraint = 'project_milestones_planned_on_check';
				  end if;
				  return new;
				end $$;
				create trigger refuse_far_plans before insert or update on public.project_milestones
				  for each row execute function public.refuse_far_plans();`);
			try {
				const form = ok(await readProjectProgress(callers.editorA, a, scratch.db));
				const before = await auditCount(scratch.db);
				const values = structuredClone(form.values);
				values.stage = 'archived';
				values.milestones.archived = { plannedOn: '2041-01-01', actualOn: values.statusAsOf };
				values.milestones.acceptance.actualOn ??= values.statusAsOf;
				values.replanReason = '提前归档';

				expect(refusal(await saveProjectProgress(callers.editorA, a, { version: form.version, seen: form.seen, values }, scratch.db))).toEqual({
					kind: 'invalid',
					fields: { plannedOn: { key: 'edit.error.rejected' } }
				});
				const after = ok(await readProjectProgress(callers.editorA, a, scratch.db));
				expect(after.version).toBe(form.version);
				expect(after.values).toEqual(form.values);
				expect(await auditCount(scratch.db)).toBe(before);
			} finally {
				await scratch.db.exec(`drop trigger refuse_far_plans on public.project_milestones; drop function public.refuse_far_plans();`);
			}
		});

		it('refuses dates that tell an impossible story with 400 before touching the database', async () => {
			const form = ok(await readProjectProgress(callers.editorA, a, scratch.db));
			const values = structuredClone(form.values);
			values.milestones.archived.actualOn = '2999-01-01';
			const refused = refusal(await saveProjectProgress(callers.editorA, a, { version: form.version, seen: form.seen, values }, scratch.db));
			expect(refused).toEqual({ kind: 'invalid', fields: { 'milestones.archived.actualOn': { key: 'edit.error.notFuture' } } });
		});

		it('refuses an editor elsewhere and a leader with 403', async () => {
			const form = ok(await readProjectProgress(callers.planner, b, scratch.db));
			for (const who of ['editorA', 'leader'] as const) {
				expect(refusal(await saveProjectProgress(callers[who], b, { version: form.version, seen: form.seen, values: form.values }, scratch.db)).kind).toBe('forbidden');
			}
			expect(await version('renovation_projects', form.rowId)).toBe(form.version);
		});
	});

	describe('building facts', () => {
		it('saves floors with the height scaled by the building’s storey height', async () => {
			const [building] = await scratch.db.query<{ id: string; floors: number; height_m: number }>(
				`select id, floors, height_m from public.buildings where community_id = $1 order by code limit 1`,
				[a]
			);
			const form = ok(await readBuildingFacts(callers.editorA, building.id, scratch.db));
			const saved = ok(await saveBuildingFacts(callers.editorA, building.id, edited(form, { floors: building.floors + 1, elevator: 'retrofit_planned' }), scratch.db));

			expect(saved.version).toBe(form.version + 1);
			const [after] = await scratch.db.query<{ height_m: number }>(`select height_m from public.buildings where id = $1`, [building.id]);
			expect(after.height_m).toBeCloseTo((building.height_m * (building.floors + 1)) / building.floors, 2);
			const [entry] = await lastEntries(1);
			expect(entry.new_values).toMatchObject({ floors: building.floors + 1, elevator: 'retrofit_planned', height_m: after.height_m });
		});

		it('refuses an editor elsewhere with 403', async () => {
			const [building] = await scratch.db.query<{ id: string }>(`select id from public.buildings where community_id = $1 limit 1`, [b]);
			const form = ok(await readBuildingFacts(callers.editorA, building.id, scratch.db));
			expect(refusal(await saveBuildingFacts(callers.editorA, building.id, edited(form, { units: 2 }), scratch.db))).toEqual({
				kind: 'forbidden',
				reason: 'outside_subdistricts'
			});
		});
	});

	describe('publication', () => {
		const publicCodes = async () => (await loadAtlas(callers.anon, { db: scratch.db })).communities.features.map((f) => f.properties.code);

		it('withdraws and republishes a community for the public at once (planner)', async () => {
			expect(await publicCodes()).toContain(IN_A.code);
			const withdrawn = ok(await setPublication(callers.planner, a, { published: false }, scratch.db));
			expect(withdrawn.published).toBe(false);
			expect(await publicCodes()).not.toContain(IN_A.code);
			expect((await loadAtlas(callers.anon, { db: scratch.db })).buildings.features.some((f) => f.properties.communityId === a)).toBe(false);

			ok(await setPublication(callers.planner, a, { published: true }, scratch.db));
			expect(await publicCodes()).toContain(IN_A.code);
		});

		it('is not the editors’ to decide, even in their own sub-district, nor a leader’s', async () => {
			const before = await auditCount(scratch.db);
			expect(refusal(await setPublication(callers.editorA, a, { published: false }, scratch.db))).toEqual({ kind: 'forbidden', reason: 'bureau_only' });
			expect(refusal(await setPublication(callers.editorA, a, { published: true }, scratch.db))).toEqual({ kind: 'forbidden', reason: 'bureau_only' });
			expect(refusal(await setPublication(callers.editorB, a, { published: false }, scratch.db))).toEqual({ kind: 'forbidden', reason: 'bureau_only' });
			expect(refusal(await setPublication(callers.leader, a, { published: false }, scratch.db))).toEqual({ kind: 'forbidden', reason: 'read_only_role' });
			expect(refusal(await setPublication(callers.anon, a, { published: false }, scratch.db))).toEqual({ kind: 'forbidden', reason: 'sign_in' });
			expect(await auditCount(scratch.db)).toBe(before);
			expect(await publicCodes()).toContain(IN_A.code);
		});

		it('raises the version, so an open facts form meets a conflict that names the publication', async () => {
			const form = ok(await readCommunityFacts(callers.editorA, a, scratch.db));
			ok(await setPublication(callers.planner, a, { published: false }, scratch.db));
			ok(await setPublication(callers.planner, a, { published: true }, scratch.db));
			const refused = refusal(await saveCommunityFacts(callers.editorA, a, edited(form, { residents: 10 }), scratch.db));
			expect(refused.kind).toBe('conflict');
			if (refused.kind === 'conflict') {
				expect(refused.changes.map((e) => e.changes[0].fields)).toEqual([
					[{ column: 'published', from: false, to: true }],
					[{ column: 'published', from: true, to: false }]
				]);
			}
		});
	});
});
