import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCaller } from '../../src/lib/server/db/roles';
import { readPublicCommunity } from '../../src/lib/server/public/community';
import { readPublicDirectory } from '../../src/lib/server/public/directory';
import { backends, openSeeded, type Scratch } from './backends';
import { addStaff, callers } from './staff-fixture';

// The residents' pages read as their caller: the public finds published communities only,
// and what a page carries is a fixed set of fields with nothing about money, pipes or people.
describe.each(backends)('the public community pages on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addStaff(scratch.db);
	});
	afterAll(() => scratch?.dispose());

	async function pageOf(caller: (typeof callers)[keyof typeof callers], code: string) {
		const outcome = await readPublicCommunity(caller, code, scratch.db);
		if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
		return outcome.value;
	}
	async function directoryOf(caller: (typeof callers)[keyof typeof callers]) {
		const outcome = await readPublicDirectory(caller, scratch.db);
		if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
		return outcome.value;
	}
	const setPublished = (code: string, published: boolean) =>
		asCaller(scratch.db, { role: 'service_role' }, (tx) => tx.query(`update public.communities set published = $2 where code = $1`, [code, published]));

	it("gives 光明小区's page its stage, 镇办, dates, works by class and the plan's own progress", async () => {
		const page = await pageOf(callers.anon, 'ZD-2021-01');
		expect(page).toMatchObject({ name: '光明小区', subdistrictName: '马尚街道', office: '马尚街道办事处', stage: 'construction', batchYear: 2021 });
		expect(page?.milestones.map((m) => m.stage)).toEqual(['preparation', 'approval', 'tendering', 'construction', 'acceptance', 'archived']);
		const [expected] = await asCaller(scratch.db, callers.anon, (tx) =>
			tx.query<{ pct: string; buildings: number; items: number }>(
				`select pp.progress_pct as pct, (select count(*)::int from public.buildings b where b.community_id = c.id) as buildings,
				        (select count(*)::int from public.plan_items i where i.community_id = c.id) as items
				 from public.communities c join public.plan_progress pp on pp.level = 'community' and pp.key = c.id::text
				 where c.code = 'ZD-2021-01'`
			)
		);
		expect(page?.progressPct).toBe(Number(expected.pct));
		expect(page?.progressWeighting).toBe('cost');
		expect(page?.items).toHaveLength(expected.items);
		expect(new Set(page?.items.map((i) => i.itemClass))).toEqual(new Set(['basic', 'improvement']));
		expect(page?.buildings).toBe(expected.buildings);
		expect(page?.map.buildings).toHaveLength(expected.buildings);
	});

	it('carries only the fields the page shows: no budget, funding, pipe or person', async () => {
		const page = await pageOf(callers.planner, 'ZD-2021-01');
		expect(Object.keys(page ?? {}).sort()).toEqual(
			['batchYear', 'buildings', 'code', 'facilities', 'households', 'isDemo', 'items', 'map', 'milestones', 'name', 'office', 'progressPct', 'progressWeighting', 'stage', 'statusAsOf', 'subdistrictName'].sort()
		);
		expect(Object.keys(page?.items[0] ?? {}).sort()).toEqual(['itemClass', 'nameEn', 'nameZh', 'percent', 'status']);
		expect(JSON.stringify(page)).not.toMatch(/budget|fund|yuan|pipe|segment|email|user/i);
	});

	it('lists every published community once, each with a point inside it for "near me"', async () => {
		const entries = await directoryOf(callers.anon);
		expect(entries).toHaveLength(22);
		const outside = await asCaller(scratch.db, callers.anon, (tx) =>
			tx.query<{ code: string }>(
				`select c.code from public.communities c join jsonb_to_recordset($1::jsonb) as e(code text, lon float8, lat float8) on e.code = c.code
				 where not extensions.st_intersects(c.boundary, extensions.st_buffer(extensions.st_setsrid(extensions.st_point(e.lon, e.lat), 4326), 0.00001))`,
				[JSON.stringify(entries.map(({ code, lon, lat }) => ({ code, lon, lat })))]
			)
		);
		expect(outside).toEqual([]);
		expect(entries.find((e) => e.code === 'ZD-2021-01')?.keys.initials[0]).toBe('gmxq');
	});

	it('hides a community from the public once it is withdrawn, not from the bureau', async () => {
		await setPublished('ZD-2021-01', false);
		try {
			expect(await pageOf(callers.anon, 'ZD-2021-01')).toBeUndefined();
			expect(await pageOf(callers.noRole, 'ZD-2021-01')).toBeUndefined();
			expect((await directoryOf(callers.anon)).map((e) => e.code)).not.toContain('ZD-2021-01');
			expect((await pageOf(callers.planner, 'ZD-2021-01'))?.name).toBe('光明小区');
		} finally {
			await setPublished('ZD-2021-01', true);
		}
	});

	it('finds nothing for a code that does not exist', async () => expect(await pageOf(callers.anon, 'ZD-1999-99')).toBeUndefined());
});
