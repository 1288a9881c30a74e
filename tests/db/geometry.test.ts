import { area } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGeometry } from '../../src/lib/server/geometry/check';
import { readCommunityBoundary, saveCommunityBoundary } from '../../src/lib/server/geometry/boundary';
import { readBuildingFootprint, saveBuildingFootprint } from '../../src/lib/server/geometry/footprint';
import { addBuilding } from '../../src/lib/server/geometry/new-building';
import { removeBuilding } from '../../src/lib/server/geometry/remove-building';
import { asCaller } from '../../src/lib/server/db/roles';
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

/** Every position moved by `dx`, `dy` degrees. */
const moved = (p: Polygon, dx: number, dy: number): Polygon => ({ type: 'Polygon', coordinates: p.coordinates.map((r) => r.map(([x, y]) => [x + dx, y + dy])) });

/** Scaled by `k` about the outer ring's mean corner: inside the original when k < 1 (convex shapes). */
function scaled(p: Polygon, k: number): Polygon {
	const ring = p.coordinates[0].slice(0, -1);
	const cx = ring.reduce((s, q) => s + q[0], 0) / ring.length;
	const cy = ring.reduce((s, q) => s + q[1], 0) / ring.length;
	return { type: 'Polygon', coordinates: p.coordinates.map((r) => r.map(([x, y]) => [cx + (x - cx) * k, cy + (y - cy) * k])) };
}

const box = ([x, y]: Position, half: number): Polygon => ({
	type: 'Polygon',
	coordinates: [[[x - half, y - half], [x + half, y - half], [x + half, y + half], [x - half, y + half], [x - half, y - half]]]
});

describe.each(backends)('geometry editing on $name', (backend) => {
	let scratch: Scratch;
	let a: string; // a community of editor A's sub-district
	let b: string; // one of B
	let buildingsOfA: { id: string; footprint: Polygon }[];
	let buildingOfB: string;
	/** A point of community A at least ~10 m from its buildings and its wall. */
	let freeSpot: Position;

	const version = async (table: string, id: string) =>
		(await scratch.db.query<{ version: number }>(`select version from public.${table} where id = $1`, [id]))[0].version;
	const footprintBody = async (who: keyof typeof callers, id: string, footprint: Polygon) => {
		const form = ok(await readBuildingFootprint(callers[who], id, scratch.db));
		return { version: form.version, seen: form.seen, values: { footprint } };
	};
	const saveFootprint = async (id: string, footprint: Polygon, who: keyof typeof callers = 'editorA') =>
		saveBuildingFootprint(callers[who], id, await footprintBody(who, id, footprint), scratch.db);

	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addStaff(scratch.db);
		a = await communityId(scratch.db, IN_A.code);
		b = await communityId(scratch.db, IN_B.code);
		buildingsOfA = await scratch.db.query(
			`select id, extensions.st_asgeojson(footprint, 7)::json as footprint from public.buildings where community_id = $1 order by code`,
			[a]
		);
		[{ id: buildingOfB }] = await scratch.db.query<{ id: string }>(`select id from public.buildings where community_id = $1 limit 1`, [b]);
		const [spot] = await scratch.db.query<{ p: { coordinates: Position } }>(
			`select extensions.st_asgeojson(extensions.st_pointonsurface(extensions.st_buffer(extensions.st_difference(c.boundary,
			          (select extensions.st_buffer(extensions.st_union(b.footprint), 0.0001) from public.buildings b where b.community_id = c.id)), -0.0001)), 7)::json as p
			 from public.communities c where c.id = $1`,
			[a]
		);
		freeSpot = spot.p.coordinates;
		if (freeSpot.length !== 2) throw new Error('community A has no free spot for the tests');
	});
	afterAll(() => scratch?.dispose());

	describe('refuses a footprint with every reason', () => {
		const first = 0;
		it.each([
			['invalid: too few distinct corners', () => {
				const [x, y] = buildingsOfA[first].footprint.coordinates[0][0];
				return { type: 'Polygon', coordinates: [[[x, y], [x + 0.0001, y], [x, y], [x, y]]] } as Polygon;
			}, ['invalid']],
			['self-intersecting: a bow tie', () => {
				const [x, y] = freeSpot;
				const d = 0.00005;
				return { type: 'Polygon', coordinates: [[[x - d, y - d], [x + d, y + d], [x + d, y - d], [x - d, y + d], [x - d, y - d]]] } as Polygon;
			}, ['self_intersecting']],
			['too small: 3 × 3 m', () => box(freeSpot, 0.000015), ['too_small']],
			['outside its community (but in the district)', () => moved(buildingsOfA[first].footprint, 0.01, 0), ['outside_community']],
			['outside the district and so its community', () => moved(buildingsOfA[first].footprint, 1, 0), ['outside_district', 'outside_community']],
			['over a neighbour', () => buildingsOfA[1].footprint, ['overlaps_building']]
		] as const)('%s', async (_, shape, problems) => {
			const id = buildingsOfA[first].id;
			const before = { audit: await auditCount(scratch.db), version: await version('buildings', id) };
			expect(refusal(await saveFootprint(id, shape()))).toEqual({ kind: 'geometry', problems });
			// The dry run says the same, and so does a direct SQL write, whoever makes it.
			expect(ok(await checkGeometry(callers.editorA, { kind: 'footprint', communityId: a, buildingId: id, shape: shape() }, scratch.db)).problems).toEqual(problems);
			await expect(
				scratch.db.query(`update public.buildings set footprint = extensions.st_setsrid(extensions.st_geomfromgeojson($2::text), 4326) where id = $1`, [
					id,
					JSON.stringify(shape())
				])
			).rejects.toMatchObject({ code: '23514', constraint: 'geometry_rules', detail: problems.join(',') });
			expect(await auditCount(scratch.db)).toBe(before.audit);
			expect(await version('buildings', id)).toBe(before.version);
		});

		it('refuses what is no polygon at all before the database (400)', async () => {
			const id = buildingsOfA[0].id;
			const body = await footprintBody('editorA', id, buildingsOfA[0].footprint);
			const multi = { type: 'MultiPolygon', coordinates: [buildingsOfA[0].footprint.coordinates] };
			expect(refusal(await saveBuildingFootprint(callers.editorA, id, { ...body, values: { footprint: multi } }, scratch.db))).toMatchObject({
				kind: 'invalid',
				fields: { footprint: { key: 'geometry.error.shape' } }
			});
			expect(refusal(await saveBuildingFootprint(callers.editorA, id, { ...body, values: { footprint: 'POLYGON((0 0, 1 0, 1 1, 0 0))' } }, scratch.db))).toMatchObject({
				kind: 'invalid',
				fields: { footprint: { key: 'geometry.error.shape' } }
			});
			const open = { type: 'Polygon', coordinates: [buildingsOfA[0].footprint.coordinates[0].slice(0, -1)] };
			expect(refusal(await saveBuildingFootprint(callers.editorA, id, { ...body, values: { footprint: open } }, scratch.db))).toMatchObject({ kind: 'invalid' });
		});
	});

	describe('refuses a boundary with every reason', () => {
		it('that leaves buildings outside, or takes in a neighbour', async () => {
			const form = ok(await readCommunityBoundary(callers.planner, a, scratch.db));
			const shrunk = { type: 'Polygon' as const, coordinates: scaled(buildingsOfA[0].footprint, 1.2).coordinates };
			expect(refusal(await saveCommunityBoundary(callers.editorA, a, { version: form.version, seen: form.seen, values: { boundary: shrunk } }, scratch.db))).toEqual({
				kind: 'geometry',
				problems: ['too_small', 'buildings_outside']
			});
			const [{ both }] = await scratch.db.query<{ both: unknown }>(
				`select extensions.st_asgeojson(extensions.st_convexhull(extensions.st_collect(boundary)), 7)::json as both from public.communities where id in ($1, $2)`,
				[a, b]
			);
			// A and B lie in different sub-districts, some way apart; their hull may cross the outline too.
			const { problems } = refusal(await saveCommunityBoundary(callers.planner, a, { version: form.version, seen: form.seen, values: { boundary: both } }, scratch.db)) as {
				problems: string[];
			};
			expect(problems).toContain('overlaps_community');
			expect(await version('communities', a)).toBe(form.version);
		});

		it('accepts a boundary grown by a few metres, and records it as GeoJSON', async () => {
			const form = ok(await readCommunityBoundary(callers.editorA, a, scratch.db));
			expect(form.rights.geometry).toBe(true);
			const stored = form.values.boundary as MultiPolygon; // the column's type
			const grown: MultiPolygon = { type: 'MultiPolygon', coordinates: stored.coordinates.map((p) => scaled({ type: 'Polygon', coordinates: p }, 1.02).coordinates) };
			const saved = ok(await saveCommunityBoundary(callers.editorA, a, { version: form.version, seen: form.seen, values: { boundary: grown } }, scratch.db));
			expect(saved.version).toBe(form.version + 1);
			const [entry] = await scratch.db.query<{ actor_id: string; old_values: { boundary: { type: string } }; new_values: { boundary: { type: string; coordinates: unknown } } }>(
				`select actor_id, old_values, new_values from public.audit_log where table_name = 'communities' and row_id = $1 order by id desc limit 1`,
				[a]
			);
			expect(entry.actor_id).toBe((callers.editorA as { userId: string }).userId);
			expect(entry.old_values.boundary).toMatchObject({ type: 'MultiPolygon' });
			expect(entry.new_values.boundary).toMatchObject({ type: 'MultiPolygon' });
			expect(entry.new_values.boundary.coordinates).not.toEqual((entry.old_values.boundary as unknown as { coordinates: unknown }).coordinates);
		});
	});

	describe('saves a valid reshape', () => {
		it('of a footprint: new version, the shape as sent, one record entry with old and new GeoJSON', async () => {
			const { id, footprint } = buildingsOfA[2];
			const smaller = scaled(footprint, 0.9);
			const before = await auditCount(scratch.db);
			const saved = ok(await saveFootprint(id, smaller));
			expect(saved.values.footprint.coordinates[0]).toHaveLength(smaller.coordinates[0].length);
			saved.values.footprint.coordinates[0].forEach(([x, y], i) => {
				expect(x).toBeCloseTo(smaller.coordinates[0][i][0], 7);
				expect(y).toBeCloseTo(smaller.coordinates[0][i][1], 7);
			});
			expect(await auditCount(scratch.db)).toBe(before + 1);
			const [entry] = await scratch.db.query<{ old_values: Record<string, unknown>; new_values: Record<string, unknown> }>(
				`select old_values, new_values from public.audit_log order by id desc limit 1`
			);
			expect(entry.old_values.footprint).toMatchObject({ type: 'Polygon' });
			expect(entry.new_values.footprint).toMatchObject({ type: 'Polygon' });
		});

		it('tells the dry run’s area and perimeter as turf measures them (within 0.5 %)', async () => {
			const shape = scaled(buildingsOfA[3].footprint, 0.95);
			const verdict = ok(await checkGeometry(callers.editorA, { kind: 'footprint', communityId: a, buildingId: buildingsOfA[3].id, shape }, scratch.db));
			expect(verdict.problems).toEqual([]);
			expect(Math.abs(verdict.areaM2 / area(shape) - 1)).toBeLessThan(0.005);
			expect(verdict.perimeterM).toBeGreaterThan(0);
		});

		it('refuses a save over a newer version with 409', async () => {
			const { id, footprint } = buildingsOfA[4];
			const stale = await footprintBody('editorA', id, scaled(footprint, 0.9));
			ok(await saveFootprint(id, scaled(footprint, 0.95), 'planner'));
			expect(refusal(await saveBuildingFootprint(callers.editorA, id, stale, scratch.db))).toMatchObject({ kind: 'conflict' });
		});
	});

	describe('editors only within their own sub-districts', () => {
		it('refuses editor A’s reshape and dry run in B (403), nothing written', async () => {
			const [{ footprint }] = await scratch.db.query<{ footprint: Polygon }>(`select extensions.st_asgeojson(footprint, 7)::json as footprint from public.buildings where id = $1`, [buildingOfB]);
			const before = { audit: await auditCount(scratch.db), version: await version('buildings', buildingOfB) };
			expect(refusal(await saveFootprint(buildingOfB, scaled(footprint, 0.9)))).toEqual({ kind: 'forbidden', reason: 'outside_subdistricts' });
			expect(refusal(await checkGeometry(callers.editorA, { kind: 'footprint', communityId: b, shape: footprint }, scratch.db))).toEqual({
				kind: 'forbidden',
				reason: 'outside_subdistricts'
			});
			expect(await auditCount(scratch.db)).toBe(before.audit);
			expect(await version('buildings', buildingOfB)).toBe(before.version);
			// …and the database's own check says no when asked directly.
			await expect(
				asCaller(scratch.db, callers.editorA, (tx) =>
					tx.query(`select private.check_building_footprint(extensions.st_setsrid(extensions.st_geomfromgeojson($1::text), 4326), $2::uuid)`, [
						JSON.stringify(footprint),
						b
					])
				)
			).rejects.toMatchObject({ code: '42501' });
		});

		it('lets editor A add a building in A, not in B; a leader nowhere', async () => {
			const facts = { name: '新建楼', floors: 5, units: 2, households: 20, builtYear: 2001, elevator: 'none' };
			const footprint = box(freeSpot, 0.00006);
			expect(refusal(await addBuilding(callers.editorA, b, { ...facts, footprint: box([freeSpot[0] + 5, freeSpot[1]], 0.0001) }, scratch.db))).toMatchObject({ kind: 'forbidden' });
			expect(refusal(await addBuilding(callers.leader, a, { ...facts, footprint }, scratch.db))).toEqual({ kind: 'forbidden', reason: 'read_only_role' });
			// Over an existing building: refused with the reason, nothing added.
			expect(refusal(await addBuilding(callers.editorA, a, { ...facts, footprint: buildingsOfA[0].footprint }, scratch.db))).toEqual({
				kind: 'geometry',
				problems: ['overlaps_building']
			});
			const added = ok(await addBuilding(callers.editorA, a, { ...facts, footprint }, scratch.db));
			expect(added.code).toBe(`${IN_A.code}-${String(buildingsOfA.length + 1).padStart(2, '0')}`);
			const [row] = await scratch.db.query<{ floor_area_m2: string; height_m: string }>(`select floor_area_m2, height_m from public.buildings where id = $1`, [added.id]);
			expect(Number(row.height_m)).toBe(15);
			expect(Math.abs(Number(row.floor_area_m2) / (area(footprint) * 5) - 1)).toBeLessThan(0.005);
		});

		it('removes a building through the API at the version seen: editor A in A only, a stale version refused', async () => {
			const id = buildingsOfA[6].id;
			const seen = await version('buildings', id);
			expect(refusal(await removeBuilding(callers.editorA, buildingOfB, { version: await version('buildings', buildingOfB) }, scratch.db))).toEqual({
				kind: 'forbidden',
				reason: 'outside_subdistricts'
			});
			expect(refusal(await removeBuilding(callers.editorA, id, { version: seen + 1 }, scratch.db))).toMatchObject({ kind: 'conflict', current: { version: seen } });
			// The plan items that listed the building forget it, each on the record as an update.
			const [{ listing }] = await scratch.db.query<{ listing: number }>(`select count(*)::int as listing from public.plan_items where $1 = any(building_ids)`, [id]);
			const before = await auditCount(scratch.db);
			expect(ok(await removeBuilding(callers.editorA, id, { version: seen }, scratch.db))).toEqual({ removed: id });
			expect(await auditCount(scratch.db)).toBe(before + 1 + listing);
			expect(await scratch.db.query(`select 1 from public.plan_items where $1 = any(building_ids)`, [id])).toEqual([]);
			expect(refusal(await removeBuilding(callers.editorA, id, { version: seen }, scratch.db))).toEqual({ kind: 'not_found' });
		});

		it('lets editor A remove a building of A, not one of B', async () => {
			const remove = (id: string) =>
				asCaller(scratch.db, callers.editorA, (tx) => tx.query<{ id: string }>(`delete from public.buildings where id = $1 returning id`, [id]));
			expect(await remove(buildingOfB)).toEqual([]);
			expect(await remove(buildingsOfA[5].id)).toEqual([{ id: buildingsOfA[5].id }]);
		});
	});

	it('without the geometry trigger, the overlapping footprint would be stored: the trigger is the guard', async () => {
		const { id } = buildingsOfA[0];
		const overlapping = JSON.stringify(buildingsOfA[1].footprint);
		const write = (tx: { query: typeof scratch.db.query }) =>
			tx.query(`update public.buildings set footprint = extensions.st_setsrid(extensions.st_geomfromgeojson($2::text), 4326) where id = $1 returning id`, [id, overlapping]);
		await expect(write(scratch.db)).rejects.toMatchObject({ constraint: 'geometry_rules' });
		const undo = new Error('undo');
		await expect(
			scratch.db.transaction(async (tx) => {
				await tx.exec('drop trigger buildings_check_geometry on public.buildings');
				expect(await write(tx)).toHaveLength(1);
				throw undo;
			})
		).rejects.toBe(undo);
		await expect(write(scratch.db)).rejects.toMatchObject({ constraint: 'geometry_rules' });
	});
});
