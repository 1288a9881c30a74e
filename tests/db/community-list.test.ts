import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/lib/server/atlas';
import { readCommunityList } from '../../src/lib/server/communities/list';
import { asCaller } from '../../src/lib/server/db/roles';
import { backends, openSeeded, type Scratch } from './backends';
import { addStaff, callers, IN_A } from './staff-fixture';

// The staff's list of communities (/communities) reads what the map reads: its stage,
// percent complete and delay must be the map's for every community, and it lists exactly
// the communities the caller may see.
describe.each(backends)('the staff list of communities on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addStaff(scratch.db);
	});
	afterAll(() => scratch?.dispose());

	async function listOf(caller: (typeof callers)[keyof typeof callers]) {
		const outcome = await readCommunityList(caller, scratch.db);
		if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
		return outcome.value;
	}

	it('gives the planner every community with the figures the map shows, the 11 late ones with their delay', async () => {
		const rows = await listOf(callers.planner);
		const atlas = await loadAtlas(callers.planner, { db: scratch.db });
		expect(rows).toHaveLength(atlas.communities.features.length);
		expect(rows.filter((r) => r.late)).toHaveLength(11);
		const map = new Map(atlas.communities.features.map((f) => [f.properties.code, f.properties]));
		for (const row of rows) {
			const c = map.get(row.code);
			expect([row.name, row.subdistrictName, row.batchYear, row.stage, row.progressPct, row.progressWeighting, row.late, row.delayDays]).toEqual([
				c?.name, c?.subdistrictName, c?.batchYear, c?.stage, c?.progressPct, c?.progressWeighting, c?.late, c?.delayDays
			]);
		}
	});

	it('marks the communities whose plan breaks "underground first" as the map does, for staff who may read their pipelines', async () => {
		const flagged = (rows: { code: string; undergroundFirst: unknown }[]) => rows.filter((r) => r.undergroundFirst).map((r) => r.code);
		const rows = await listOf(callers.planner);
		expect(flagged(rows)).toEqual(['ZD-2022-05', 'ZD-2022-09']);
		expect(rows.find((r) => r.code === 'ZD-2022-09')?.undergroundFirst).toMatchObject({
			unscheduledTypes: expect.arrayContaining(['water']),
			undergroundFinishesOn: null,
			surfaceItem: { code: expect.any(String), nameZh: expect.any(String) }
		});
		const overlap = rows.find((r) => r.code === 'ZD-2022-05')?.undergroundFirst;
		expect(overlap?.unscheduledTypes).toEqual([]);
		expect(overlap && overlap.surfaceStartsOn <= (overlap.undergroundFinishesOn ?? '')).toBe(true);
		const atlas = await loadAtlas(callers.planner, { db: scratch.db });
		expect(atlas.communities.features.filter((f) => f.properties.undergroundFirst).map((f) => f.properties.code).sort()).toEqual(flagged(rows));
		for (const f of atlas.communities.features) {
			expect(f.properties.undergroundFirst ?? null).toEqual(rows.find((r) => r.code === f.properties.code)?.undergroundFirst);
		}
		// An editor sees the flags of its own sub-districts only; the public none at all.
		const own = await asCaller(scratch.db, callers.editorA, (tx) =>
			tx.query<{ code: string }>(`select c.code from public.communities c where c.subdistrict_code = $1`, [IN_A.subdistrict])
		);
		const ownCodes = new Set(own.map((r) => r.code));
		const editorFlags = flagged(await listOf(callers.editorA));
		expect(editorFlags.every((code) => ownCodes.has(code))).toBe(true);
		expect(editorFlags).toEqual(flagged(rows).filter((code) => ownCodes.has(code)));
		expect(flagged(await listOf(callers.anon))).toEqual([]);
		const publicAtlas = await loadAtlas(callers.anon, { db: scratch.db });
		expect(JSON.stringify(publicAtlas)).not.toContain('undergroundFirst');
	});

	it('lists for an editor what row-level security lets it see, its own unpublished communities included', async () => {
		await asCaller(scratch.db, { role: 'service_role' }, (tx) =>
			tx.query(`update public.communities set published = false where subdistrict_code = $1 or code = 'ZD-2022-09'`, [IN_A.subdistrict])
		);
		const own = (await listOf(callers.editorA)).map((r) => r.code);
		const visible = await asCaller(scratch.db, callers.editorA, (tx) =>
			tx.query<{ code: string }>(`select code from public.communities order by code`)
		);
		expect(own).toEqual(visible.map((r) => r.code));
		expect(own).toContain(IN_A.code);
		expect(own).not.toContain('ZD-2022-09');
		expect((await listOf(callers.anon)).map((r) => r.code)).not.toContain(IN_A.code);
	});
});
