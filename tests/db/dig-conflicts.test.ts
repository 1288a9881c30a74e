import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/lib/server/db/types';
import { backends, openSeeded, type Scratch } from './backends';
import { addFixture, COMMUNITY } from './matrix/fixture';
import { subject, within, type SubjectName } from './matrix/subjects';

// The ten-year rule (DOMAIN.md §3), asked of public.dig_conflicts. Three water mains run
// east–west across community A-bare, about 53 m long and 33 m apart.
const x0 = 118.05 + Object.keys(COMMUNITY).indexOf('A-bare') * 0.002;
const WEST = x0 + 0.0002;
const EAST = x0 + 0.0008;
const MAIN = {
	nineYears: { id: '09000000-0000-4000-8000-000000000009', y: 36.8102, state: 'renewed', renewedOn: '2020-06-01' },
	elevenYears: { id: '09000000-0000-4000-8000-000000000011', y: 36.8105, state: 'renewed', renewedOn: '2018-06-01' },
	notRenewed: { id: '09000000-0000-4000-8000-0000000000ff', y: 36.8108, state: 'to_renew', renewedOn: null }
} as const;
/** Nine years after the first main was renewed, eleven after the second. */
const PLANNED = '2029-06-01';

const point = (x: number, y: number) => `extensions.st_setsrid(extensions.st_makepoint(${x}, ${y}), 4326)`;
/** `point` moved `metres` due north, on the spheroid. */
const north = (x: number, y: number, metres: number) =>
	`extensions.st_project(${point(x, y)}::extensions.geography, ${metres}, 0)::extensions.geometry`;
/** A trench from south to north across the main at `y`, in the middle of its run. */
const across = (y: number) => `extensions.st_makeline(${point(x0 + 0.0005, y - 0.0001)}, ${point(x0 + 0.0005, y + 0.0001)})`;
/** A trench beside the main at `y`, `metres` north of it along its middle third. */
const beside = (y: number, metres: number) =>
	`extensions.st_makeline(${north(x0 + 0.0004, y, metres)}, ${north(x0 + 0.0006, y, metres)})`;
/** An area from (west, south) to (east, north), in degrees. */
const area = (west: number, south: number, east: number, north: number) =>
	`extensions.st_makeenvelope(${west}, ${south}, ${east}, ${north}, 4326)`;

interface Conflict {
	segment_id: string;
	pipeline_type: string;
	renewed_on: string;
	moratorium_until: string;
	blocks: boolean;
	distance_m: number;
}

describe.each(backends)('the ten-year rule (public.dig_conflicts) on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addFixture(scratch.db);
		await scratch.db.transaction((tx) =>
			tx.exec(`
				insert into public.pipe_segments (id, community_id, pipeline_type, material, diameter_mm, depth_start_m, depth_end_m,
				  owner, state, renewed_on, geom)
				values ${Object.values(MAIN)
					.map(
						(m) => `('${m.id}', '${COMMUNITY['A-bare']}', 'water', 'PE', 200, 1.2, 1.5, '淄博水务', '${m.state}',
						  ${m.renewedOn ? `'${m.renewedOn}'` : 'null'},
						  extensions.st_geomfromtext('LINESTRING Z (${WEST} ${m.y} -1.2, ${EAST} ${m.y} -1.5)', 4326))`
					)
					.join(',\n')}`)
		);
	});
	afterAll(() => scratch?.dispose());

	/** The conflicts of a dig, as `who` sees them; dates as text. */
	const conflicts = (dig: string, who: SubjectName = 'planner', planned = PLANNED) =>
		within(scratch.db, subject(who), (tx: Queryable) =>
			tx.query<Conflict>(
				`select segment_id, pipeline_type, renewed_on::text, moratorium_until::text, blocks, distance_m
				 from public.dig_conflicts(${dig}, '${planned}')`
			)
		);

	it('blocks a trench across a main renewed nine years before, until ten years are up', async () => {
		expect(await conflicts(across(MAIN.nineYears.y))).toEqual([
			{
				segment_id: MAIN.nineYears.id,
				pipeline_type: 'water',
				renewed_on: '2020-06-01',
				moratorium_until: '2030-06-01',
				blocks: true,
				distance_m: 0
			}
		]);
	});

	it('allows it on the day the moratorium ends', async () => {
		expect((await conflicts(across(MAIN.nineYears.y), 'planner', '2030-06-01')).map((c) => c.blocks)).toEqual([false]);
	});

	it('lists a main renewed eleven years before without blocking the trench', async () => {
		const found = await conflicts(across(MAIN.elevenYears.y));
		expect(found.map((c) => [c.segment_id, c.moratorium_until, c.blocks])).toEqual([[MAIN.elevenYears.id, '2028-06-01', false]]);
	});

	it('ignores a main that is not renewed', async () => {
		expect(await conflicts(across(MAIN.notRenewed.y))).toEqual([]);
	});

	it('counts a trench 0.4 m beside a main as touching it, and one 0.6 m away as not', async () => {
		const touching = await conflicts(beside(MAIN.nineYears.y, 0.4));
		expect(touching.map((c) => c.segment_id)).toEqual([MAIN.nineYears.id]);
		expect(touching[0].distance_m).toBeCloseTo(0.4, 2);
		expect(await conflicts(beside(MAIN.nineYears.y, 0.6))).toEqual([]);
	});

	it('counts an area that holds a whole main, though no edge of it meets the pipe', async () => {
		const y = MAIN.nineYears.y;
		const found = await conflicts(area(WEST - 0.00005, y - 0.00005, EAST + 0.00005, y + 0.00005));
		expect(found.map((c) => [c.segment_id, c.blocks, c.distance_m])).toEqual([[MAIN.nineYears.id, true, 0]]);
	});

	it('lists every main an area spans, those blocking first', async () => {
		const found = await conflicts(area(x0 + 0.0004, MAIN.nineYears.y - 0.0001, x0 + 0.0006, MAIN.notRenewed.y + 0.0001));
		expect(found.map((c) => [c.segment_id, c.blocks])).toEqual([
			[MAIN.nineYears.id, true],
			[MAIN.elevenYears.id, false]
		]);
	});

	it('does not count an area that stops short of the main', async () => {
		// Its northern edge 0.0001° (about 11 m) south of the main.
		const y = MAIN.nineYears.y;
		expect(await conflicts(area(x0 + 0.0004, y - 0.0002, x0 + 0.0006, y - 0.0001))).toEqual([]);
	});

	it('refuses a dig that is not a valid line or area', async () => {
		await expect(conflicts(point(x0, MAIN.nineYears.y))).rejects.toMatchObject({ code: '22023' });
		await expect(conflicts(`extensions.st_geomfromtext('POLYGON((${WEST} 36.81, ${EAST} 36.811, ${EAST} 36.81, ${WEST} 36.811, ${WEST} 36.81))', 4326)`)).rejects.toMatchObject({
			code: '22023'
		});
	});

	it('answers staff as row-level security lets them read: editors their own sub-districts’ pipes', async () => {
		const dig = across(MAIN.nineYears.y);
		for (const who of ['editorA', 'leader', 'admin'] as const) {
			expect((await conflicts(dig, who)).map((c) => c.segment_id), who).toEqual([MAIN.nineYears.id]);
		}
		for (const who of ['editorB', 'noRole', 'unknownRole'] as const) {
			expect(await conflicts(dig, who), who).toEqual([]);
		}
	});

	it('gives the public nothing: it may not even ask', async () => {
		await expect(conflicts(across(MAIN.nineYears.y), 'anon')).rejects.toMatchObject({ code: '42501' });
	});
});
