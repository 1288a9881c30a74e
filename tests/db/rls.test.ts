import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCaller, type Caller } from '../../src/lib/server/db/roles';
import { backends, openSeeded, type Scratch } from './backends';

const anon: Caller = { role: 'anon' };
const viewer: Caller = { role: 'authenticated', userId: '00000000-0000-4000-8000-000000000001', appRole: 'viewer' };
const planner: Caller = { role: 'authenticated', userId: '00000000-0000-4000-8000-000000000002', appRole: 'planner' };
const service: Caller = { role: 'service_role' };

const HIDDEN = {
	community: '10000000-0000-4000-8000-00000000000a',
	building: '10000000-0000-4000-8000-00000000000b',
	project: '10000000-0000-4000-8000-00000000000c'
};

describe.each(backends)('row-level security on $name', (backend) => {
	let scratch: Scratch;
	const count = (caller: Caller, sql: string) =>
		asCaller(scratch.db, caller, async (tx) => (await tx.query<{ n: number }>(`select count(*)::int as n ${sql}`))[0].n);

	beforeAll(async () => {
		scratch = await openSeeded(backend);
		// An unpublished community with a building, a project and a milestone, written
		// the way a server job would (service_role bypasses RLS).
		await asCaller(scratch.db, service, async (tx) => {
			await tx.query(
				`insert into public.communities (id, code, name, subdistrict_code, boundary, built_year, land_tenure,
				   households, floor_area_m2, property_management, published)
				 values ($1, 'DRAFT-1', '未发布小区', '370303002',
				   st_multi(st_makeenvelope(118.05, 36.79, 118.051, 36.791, 4326)), 1995, 'state_owned', 10, 1000, 'none', false)`,
				[HIDDEN.community]
			);
			await tx.query(
				`insert into public.buildings (id, community_id, code, name, footprint, floors, height_m, units, households,
				   floor_area_m2, built_year, elevator)
				 values ($1, $2, 'DRAFT-1-1', '1号楼', st_makeenvelope(118.0502, 36.7902, 118.0506, 36.7903, 4326),
				   5, 14.5, 1, 10, 1000, 1995, 'none')`,
				[HIDDEN.building, HIDDEN.community]
			);
			await tx.query(
				`insert into public.renovation_projects (id, community_id, stage, status_as_of) values ($1, $2, 'preparation', '2023-06-30')`,
				[HIDDEN.project, HIDDEN.community]
			);
			await tx.query(
				`insert into public.project_milestones (project_id, stage, planned_on) values ($1, 'preparation', '2023-10-31')`,
				[HIDDEN.project]
			);
		});
	});
	afterAll(() => scratch?.dispose());

	it('lets the public read the published demo data: 22 communities, 296 buildings', async () => {
		expect(await count(anon, 'from public.communities')).toBe(22);
		expect(await count(anon, 'from public.buildings')).toBe(296);
		expect(await count(anon, 'from public.renovation_projects')).toBe(22);
		expect(await count(anon, 'from public.renovation_targets')).toBe(4);
		expect(await count(anon, 'from public.subdistricts')).toBe(13);
		expect(await count(anon, 'from public.districts')).toBe(1);
	});

	it('hides an unpublished community and everything under it from the public', async () => {
		expect(await count(anon, `from public.communities where id = '${HIDDEN.community}'`)).toBe(0);
		expect(await count(anon, `from public.buildings where id = '${HIDDEN.building}'`)).toBe(0);
		expect(await count(anon, `from public.renovation_projects where id = '${HIDDEN.project}'`)).toBe(0);
		expect(await count(anon, `from public.project_milestones where project_id = '${HIDDEN.project}'`)).toBe(0);
	});

	it('hides it from signed-in viewers too, but shows it to planners', async () => {
		expect(await count(viewer, `from public.communities where id = '${HIDDEN.community}'`)).toBe(0);
		expect(await count(viewer, `from public.buildings where id = '${HIDDEN.building}'`)).toBe(0);
		expect(await count(planner, `from public.communities where id = '${HIDDEN.community}'`)).toBe(1);
		expect(await count(planner, `from public.buildings where id = '${HIDDEN.building}'`)).toBe(1);
		expect(await count(planner, `from public.project_milestones where project_id = '${HIDDEN.project}'`)).toBe(1);
	});

	it.each([
		['insert a community', `insert into public.communities (code, name, subdistrict_code, boundary, built_year, land_tenure, households, floor_area_m2, property_management)
		  values ('X', 'x', '370303002', st_multi(st_makeenvelope(118.06, 36.79, 118.061, 36.791, 4326)), 1990, 'state_owned', 1, 1, 'none')`],
		['update communities', `update public.communities set name = '改名' `],
		['delete buildings', `delete from public.buildings`],
		['change a project stage', `update public.renovation_projects set stage = 'archived'`],
		['add a milestone', `insert into public.project_milestones (project_id, stage) values ('${HIDDEN.project}', 'approval')`],
		['change targets', `update public.renovation_targets set households = 0`],
		['change the district outline', `delete from public.districts`],
		['rename a sub-district', `update public.subdistricts set name = 'x'`]
	])('refuses the public to %s', async (_what, sql) => {
		await expect(asCaller(scratch.db, anon, (tx) => tx.query(sql))).rejects.toThrow(/permission denied/);
	});

	it('lets no signed-in viewer write: inserts are refused, updates and deletes touch nothing', async () => {
		await expect(
			asCaller(scratch.db, viewer, (tx) =>
				tx.query(`insert into public.renovation_targets (district_code, period_start, period_end, communities, buildings,
				  floor_area_wan_m2, households, source, adopted_on, version) values ('370303', 2023, 2023, 1, 1, 1, 1, 'x', '2023-01-01', 1)`)
			)
		).rejects.toThrow(/row-level security/);
		const renamed = await asCaller(scratch.db, viewer, (tx) =>
			tx.query<{ id: string }>(`update public.communities set name = '改名' returning id`)
		);
		expect(renamed).toEqual([]);
		const removed = await asCaller(scratch.db, viewer, (tx) => tx.query<{ id: string }>(`delete from public.buildings returning id`));
		expect(removed).toEqual([]);
	});

	it('lets a planner move a project to the next stage', async () => {
		const moved = await asCaller(scratch.db, planner, (tx) =>
			tx.query<{ stage: string }>(`update public.renovation_projects set stage = 'approval' where id = $1 returning stage`, [HIDDEN.project])
		);
		expect(moved).toEqual([{ stage: 'approval' }]);
	});
});
