import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/lib/server/db/types';
import { backends, openSeeded, type Scratch } from './backends';
import { addFixture, COMMUNITY, PLAN_ITEM, plot } from './matrix/fixture';
import { subject, within, type SubjectName } from './matrix/subjects';
import { CLEARANCE_DEMO } from '../../supabase/generator/facilities';

// Facilities and the clearance check (issue 8), in community A-bare of the matrix fixture
// (unpublished, sub-district A, no buildings): a gas main in use and an abandoned sewer run
// east–west across it, 44 m apart; chargers stand at measured distances north of them.
const x0 = 118.05 + Object.keys(COMMUNITY).indexOf('A-bare') * 0.002;
const GAS_Y = 36.8102;
const SEWER_Y = 36.8106;
const BARE = COMMUNITY['A-bare'];
const PARKING_ITEM = '0d000000-0000-4000-8000-0000000000f1';
const ROADS_ITEM = '0d000000-0000-4000-8000-0000000000f2';

const F = {
	nearGas: '05000000-0000-4000-8000-000000000001', //       planned charger 0.5 m from the gas main
	fartherGas: '05000000-0000-4000-8000-000000000002', //    planned charger 1.5 m from it
	existingNearGas: '05000000-0000-4000-8000-000000000003', // existing charger 0.5 m from it
	nearAbandoned: '05000000-0000-4000-8000-000000000004', // planned charger 0.3 m from the abandoned sewer
	parkingOverGas: '05000000-0000-4000-8000-000000000005', // planned parking spaces painted over the main
	lockerOverGas: '05000000-0000-4000-8000-000000000006' //  planned locker right over it
} as const;
const GAS = '06000000-0000-4000-8000-000000000001';
const SEWER = '06000000-0000-4000-8000-000000000002';

const point = (x: number, y: number) => `extensions.st_setsrid(extensions.st_makepoint(${x}, ${y}), 4326)`;
/** A point `metres` due north of (x, y), on the spheroid. */
const north = (x: number, y: number, metres: number) =>
	`extensions.st_project(${point(x, y)}::extensions.geography, ${metres}, 0)::extensions.geometry`;
const box = (west: number, south: number, east: number, northY: number) =>
	`extensions.st_makeenvelope(${west}, ${south}, ${east}, ${northY}, 4326)`;
const line = (y: number, depth: number) =>
	`extensions.st_geomfromtext('LINESTRING Z (${x0 + 0.0002} ${y} -${depth}, ${x0 + 0.0008} ${y} -${depth})', 4326)`;

interface Conflict {
	facility_id: string;
	segment_id: string;
	pipeline_type: string;
	distance_m: number;
	required_m: number;
}

function codeOf(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

describe.each(backends)('facilities and their clearance from pipelines on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addFixture(scratch.db);
		const facility = (id: string, kind: string, state: string, capacity: number, geom: string, item = 'null') =>
			`('${id}', '${BARE}', '${kind}', '${state}', ${capacity}, ${item}, ${geom})`;
		await scratch.db.transaction((tx) =>
			tx.exec(`
				insert into public.pipe_segments (id, community_id, pipeline_type, material, diameter_mm, depth_start_m, depth_end_m, owner, state, geom)
				values ('${GAS}', '${BARE}', 'gas', 'PE', 110, 1.2, 1.2, '淄博燃气', 'existing', ${line(GAS_Y, 1.2)}),
				       ('${SEWER}', '${BARE}', 'sewage', 'PVC', 300, 2, 2, '淄博水务', 'abandoned', ${line(SEWER_Y, 2)});
				insert into public.plan_items (id, community_id, catalogue_code, quantity)
				values ('${PARKING_ITEM}', '${BARE}', 'parking', 20), ('${ROADS_ITEM}', '${BARE}', 'roads', 500);
				insert into public.facilities (id, community_id, kind, state, capacity, plan_item_id, geom) values
				  ${facility(F.nearGas, 'ev_charger', 'planned', 4, north(x0 + 0.0004, GAS_Y, 0.5), `'${PARKING_ITEM}'`)},
				  ${facility(F.fartherGas, 'ev_charger', 'planned', 2, north(x0 + 0.0006, GAS_Y, 1.5), `'${PARKING_ITEM}'`)},
				  ${facility(F.existingNearGas, 'ev_charger', 'existing', 2, north(x0 + 0.0003, GAS_Y, 0.5))},
				  ${facility(F.nearAbandoned, 'ev_charger', 'planned', 2, north(x0 + 0.0005, SEWER_Y, 0.3))},
				  ${facility(F.parkingOverGas, 'parking', 'planned', 16, box(x0 + 0.0004, GAS_Y - 0.00003, x0 + 0.0005, GAS_Y + 0.00003), `'${PARKING_ITEM}'`)},
				  ${facility(F.lockerOverGas, 'express_locker', 'planned', 60, point(x0 + 0.0007, GAS_Y))};
			`)
		);
	});
	afterAll(() => scratch?.dispose());

	const conflictsAs = (who: SubjectName, before?: string) =>
		within(scratch.db, subject(who), async (tx: Queryable) => {
			if (before) await tx.query(before);
			return tx.query<Conflict>(
				`select facility_id, segment_id, pipeline_type, distance_m, required_m::float8 as required_m
				 from public.facility_clearance_conflicts('${BARE}')`
			);
		});

	it('flags a planned structure over or nearer a pipe than its clearance, with the distance and the clearance', async () => {
		const found = await conflictsAs('planner');
		expect(found.map((c) => [c.facility_id, c.segment_id, c.pipeline_type, c.required_m])).toEqual([
			[F.nearGas, GAS, 'gas', 1],
			[F.lockerOverGas, GAS, 'gas', 1]
		]);
		expect(found[0].distance_m).toBeCloseTo(0.5, 1);
		expect(found[1].distance_m).toBeCloseTo(0, 3);
	});

	it('leaves out what exists already, what is no structure, and pipes left abandoned', async () => {
		const ids = (await conflictsAs('planner')).map((c) => c.facility_id);
		expect(ids).not.toContain(F.existingNearGas);
		expect(ids).not.toContain(F.parkingOverGas);
		expect(ids).not.toContain(F.nearAbandoned);
		// The abandoned sewer would flag it at 2.5 m if it were still in use.
		const inUse = await conflictsAs('planner', `update public.pipe_segments set state = 'existing' where id = '${SEWER}'`);
		expect(inUse.find((c) => c.facility_id === F.nearAbandoned)).toMatchObject({ pipeline_type: 'sewage', required_m: 2.5 });
	});

	it('changes its verdict when a planner widens a clearance', async () => {
		const wider = await conflictsAs('planner', `update public.pipe_clearances set min_clearance_m = 2 where pipeline_type = 'gas'`);
		expect(wider.map((c) => [c.facility_id, c.required_m])).toEqual([
			[F.nearGas, 2],
			[F.fartherGas, 2],
			[F.lockerOverGas, 2]
		]);
		expect(wider[1].distance_m).toBeCloseTo(1.5, 1);
	});

	it('lets no one but planners and admins change a clearance, and puts the change on the record', async () => {
		const change = (who: SubjectName) =>
			within(scratch.db, subject(who), async (tx) => {
				await tx.query(`update public.pipe_clearances set min_clearance_m = 2 where pipeline_type = 'gas'`);
				const [row] = await tx.query<{ m: number }>(`select min_clearance_m::float8 as m from public.pipe_clearances where pipeline_type = 'gas'`);
				return row?.m;
			});
		expect(await change('editorA')).toBe(1);
		expect(await change('leader')).toBe(1);
		expect(await change('planner')).toBe(2);
		expect(await change('admin')).toBe(2);
		const recorded = await within(scratch.db, subject('owner'), async (tx) => {
			await tx.query(`update public.pipe_clearances set min_clearance_m = 1.5 where pipeline_type = 'gas'`);
			return tx.query<{ old_values: unknown; new_values: unknown }>(
				`select old_values, new_values from public.audit_log where table_name = 'pipe_clearances' order by id desc limit 1`
			);
		});
		expect(recorded).toEqual([{ old_values: { min_clearance_m: 1 }, new_values: { min_clearance_m: 1.5 } }]);
	});

	it('tells the public nothing: no clearances, no conflicts', async () => {
		const refused = (sql: string) =>
			within(scratch.db, subject('anon'), (tx) => tx.query(sql)).then(
				() => 'answered',
				(error: unknown) => codeOf(error)
			);
		expect(await refused(`select * from public.facility_clearance_conflicts()`)).toBe('42501');
		expect(await refused(`select * from public.pipe_clearances`)).toBe('42501');
	});

	it('shows an editor only the conflicts of what they may read', async () => {
		expect((await conflictsAs('editorA')).length).toBe(2);
		expect(await conflictsAs('editorB')).toEqual([]);
		expect(await conflictsAs('noRole')).toEqual([]);
	});

	describe('refuses a facility that does not fit', () => {
		const insert = (values: Partial<Record<string, string>>) => {
			const row: Record<string, string> = {
				community_id: `'${BARE}'`,
				kind: `'ev_charger'`,
				state: `'planned'`,
				capacity: '2',
				geom: north(x0 + 0.0005, 36.8104, 0),
				...values
			};
			return within(scratch.db, subject('planner'), (tx) =>
				tx.query(`insert into public.facilities (${Object.keys(row).join(', ')}) values (${Object.values(row).join(', ')})`)
			).then(
				() => ({ code: 'inserted', message: '' }),
				(error: unknown) => ({ code: codeOf(error), message: error instanceof Error ? error.message : String(error) })
			);
		};

		it('delivered by a plan item of another community', async () => {
			expect(await insert({ plan_item_id: `'${PLAN_ITEM.A}'` })).toEqual({
				code: '23503',
				message: 'a facility may only be delivered by a plan item of its own community'
			});
		});

		it('delivered by a plan item of another catalogue kind', async () => {
			expect(await insert({ plan_item_id: `'${ROADS_ITEM}'` })).toEqual({
				code: '23514',
				message: 'a ev_charger is delivered by a parking plan item, not by a roads one'
			});
		});

		it('drawn as the wrong geometry, outside its community, or an area over a building', async () => {
			expect(await insert({ kind: `'parking'`, capacity: '10' })).toMatchObject({ code: '23514', message: 'geometry refused: wrong_geometry' });
			expect(await insert({ geom: point(x0 - 0.0005, 36.8104) })).toMatchObject({ code: '23514', message: 'geometry refused: outside_community' });
			const overBuilding = await within(scratch.db, subject('planner'), (tx) =>
				tx.query(
					`insert into public.facilities (community_id, kind, state, capacity, geom)
					 values ('${COMMUNITY.A}', 'bike_shed', 'planned', 30, extensions.st_buffer(${plot('A')}, 0.00002, 'join=mitre'))`
				)
			).catch((error: unknown) => error as Error);
			expect(overBuilding).toMatchObject({ code: '23514', message: 'geometry refused: overlaps_building' });
		});

		it('built without a date, existing with a plan item, or counting chargers it cannot have', async () => {
			expect(await insert({ state: `'built'` })).toMatchObject({ code: '23514', message: expect.stringContaining('facilities_built_on_iff_built') });
			expect(await insert({ state: `'existing'`, plan_item_id: `'${PARKING_ITEM}'` })).toMatchObject({
				code: '23514',
				message: expect.stringContaining('facilities_existing_without_plan')
			});
			expect(await insert({ chargers: '1' })).toEqual({ code: '23514', message: 'a ev_charger has no charging spaces to count' });
			expect(await insert({ state: `'built'`, built_on: `'2999-01-01'` })).toMatchObject({ code: '23514' });
		});

		it('nor lets the plan item that delivers one become another kind of item', async () => {
			const switched = await within(scratch.db, subject('planner'), (tx) =>
				tx.query(`update public.plan_items set catalogue_code = 'roads' where id = '${PARKING_ITEM}'`)
			).catch((error: unknown) => error as Error);
			expect(switched).toMatchObject({ code: '23514', message: `plan item ${PARKING_ITEM} delivers facilities: it stays a parking item` });
			const free = await within(scratch.db, subject('planner'), (tx) =>
				tx.query<{ catalogue_code: string }>(`update public.plan_items set catalogue_code = 'greening' where id = '${ROADS_ITEM}' returning catalogue_code`)
			);
			expect(free).toEqual([{ catalogue_code: 'greening' }]);
		});

		it('yet follows a catalogue item renamed, kinds and plan items alike', async () => {
			const renamed = await within(scratch.db, subject('planner'), async (tx) => {
				await tx.query(`update public.renovation_catalogue set code = 'parking_spaces' where code = 'parking'`);
				return tx.query<{ kind: string; item: string }>(
					`select k.catalogue_code as kind, i.catalogue_code as item
					 from public.facilities f join public.facility_kinds k on k.code = f.kind join public.plan_items i on i.id = f.plan_item_id
					 where f.id = '${F.nearGas}'`
				);
			});
			expect(renamed).toEqual([{ kind: 'parking_spaces', item: 'parking_spaces' }]);
		});

		it('but takes one that fits', async () => {
			expect(await insert({ plan_item_id: `'${PARKING_ITEM}'` })).toEqual({ code: 'inserted', message: '' });
		});
	});

	it('shows the public the facilities of published communities only', async () => {
		const seen = await within(scratch.db, subject('anon'), (tx) =>
			tx.query<{ n: number }>(`select count(*)::int as n from public.facilities where community_id = '${BARE}'`)
		);
		expect(seen).toEqual([{ n: 0 }]);
	});

	it('sums each community before and after, as its rows add up', async () => {
		const [summary] = await within(scratch.db, subject('planner'), (tx) =>
			tx.query<Record<string, number>>(
				`select parking_spaces_before::float8, parking_spaces_after::float8, chargers_before::float8, chargers_after::float8
				 from public.facility_summary where community_id = '${BARE}'`
			)
		);
		// Parking: 16 planned spaces. Chargers: 2 existing piles; 4 + 2 + 2 planned.
		expect(summary).toEqual({ parking_spaces_before: 0, parking_spaces_after: 16, chargers_before: 2, chargers_after: 10 });
	});

	it('flags in the demo only the charging station placed too close to a gas line on purpose', async () => {
		const found = await within(scratch.db, subject('planner'), (tx) =>
			tx.query<{ kind: string; note: string | null; code: string; pipeline_type: string; distance_m: number; required_m: number }>(
				`select f.kind, f.note, c.code, x.pipeline_type, x.distance_m, x.required_m::float8 as required_m
				 from public.facility_clearance_conflicts() x
				 join public.facilities f on f.id = x.facility_id join public.communities c on c.id = f.community_id
				 where f.is_demo`
			)
		);
		expect(new Set(found.map((r) => r.note))).toEqual(new Set([CLEARANCE_DEMO.note]));
		const gas = found.find((r) => r.pipeline_type === 'gas');
		expect(gas).toMatchObject({ kind: 'ev_charger', required_m: 1 });
		expect(gas?.distance_m).toBeGreaterThan(0.4);
		expect(gas?.distance_m).toBeLessThan(1);
	});

	it('reconciles every community and the district by batch year with the rows of the demo', async () => {
		const [check] = await within(scratch.db, subject('owner'), (tx) =>
			tx.query<{ communities: number; parking: boolean; rooms: boolean; sheds: boolean; greening: boolean; district: boolean }>(`
				with rows as (
				  select c.id,
				         coalesce(sum(f.capacity) filter (where f.kind = 'parking'), 0) as parking,
				         coalesce(sum(f.capacity) filter (where f.kind in (select code from public.facility_kinds where is_service_room) and f.state = 'existing'), 0) as rooms_before,
				         count(f.id) filter (where f.kind = 'bike_shed') as sheds
				  from public.communities c left join public.facilities f on f.community_id = c.id
				  group by c.id
				)
				select count(*)::int as communities,
				       bool_and(s.parking_spaces_after = r.parking) as parking,
				       bool_and(s.service_room_m2_before = r.rooms_before) as rooms,
				       bool_and(s.sheds_after = r.sheds) as sheds,
				       bool_and(s.greening_m2_planned = (select coalesce(sum(quantity), 0) from public.plan_items i
				                                          where i.community_id = s.community_id and i.catalogue_code = 'greening')) as greening,
				       (select bool_and(d.parking_spaces_after = (select sum(x.parking_spaces_after) from public.facility_summary x where x.batch_year = d.batch_year)
				                        and d.communities = (select count(*) from public.communities x where x.batch_year = d.batch_year))
				        from public.facility_district_summary d) as district
				from public.facility_summary s join rows r on r.id = s.community_id
			`)
		);
		expect(check).toEqual({ communities: check.communities, parking: true, rooms: true, sheds: true, greening: true, district: true });
		expect(check.communities).toBeGreaterThan(20);
	});
});
