import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, openSeeded, type Scratch } from './backends';
import { addFixture, COMMUNITY } from './matrix/fixture';
import { subject, within, type SubjectName } from './matrix/subjects';

// Three pipes run east–west across community A-bare, 0.0003° (about 33 m) apart; the
// cross-section is drawn from south to north through the middle of their run.
const x0 = 118.05 + Object.keys(COMMUNITY).indexOf('A-bare') * 0.002;
const [WEST, BEND, MIDDLE, EAST] = [x0 + 0.0002, x0 + 0.0004, x0 + 0.0005, x0 + 0.0008];
const PIPE = {
	water: '09000000-0000-4000-8000-0000000000a1',
	sewage: '09000000-0000-4000-8000-0000000000a2',
	power: '09000000-0000-4000-8000-0000000000a3',
	away: '09000000-0000-4000-8000-0000000000a4'
};
const Y = { water: 36.8102, sewage: 36.8105, power: 36.8108 };
const SOUTH = Y.water - 0.0001;
/** The metres of one ten-thousandth of a degree of latitude at 36.81°N. */
const TICK = 11.097;

const line = (points: [number, number, number][]) =>
	`extensions.st_geomfromtext('LINESTRING Z (${points.map((p) => p.join(' ')).join(', ')})', 4326)`;
const cut = (south: number, north: number) =>
	`extensions.st_setsrid(extensions.st_makeline(extensions.st_makepoint(${MIDDLE}, ${south}), extensions.st_makepoint(${MIDDLE}, ${north})), 4326)`;

interface Crossing {
	segment_id: string;
	pipeline_type: string;
	distance_m: number;
	depth_m: number;
	diameter_mm: number | null;
	section: string | null;
}

describe.each(backends)('the cross-section (public.pipe_cross_section) on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addFixture(scratch.db);
		const community = COMMUNITY['A-bare'];
		await scratch.db.exec(`
			insert into public.pipe_segments (id, community_id, pipeline_type, material, diameter_mm, section, depth_start_m, depth_end_m,
			  owner, state, geom)
			values
			  ('${PIPE.water}', '${community}', 'water', 'PE', 200, null, 1.2, 1.5, '淄博水务', 'existing',
			   ${line([[WEST, Y.water, -1.2], [EAST, Y.water, -1.5]])}),
			  -- Falls 0.2 m to the bend, then 0.8 m to its east end: a quarter of the way there at the cut.
			  ('${PIPE.sewage}', '${community}', 'sewage', '混凝土', 400, null, 1.0, 2.0, '张店区排水', 'to_renew',
			   ${line([[WEST, Y.sewage, -1.0], [BEND, Y.sewage, -1.2], [EAST, Y.sewage, -2.0]])}),
			  ('${PIPE.power}', '${community}', 'power', '混凝土', null, '600×400', 0.8, 0.8, '国网淄博供电', 'abandoned',
			   ${line([[WEST, Y.power, -0.8], [EAST, Y.power, -0.8]])}),
			  -- East of the cut: not crossed.
			  ('${PIPE.away}', '${community}', 'gas', 'PE', 110, null, 1.0, 1.0, '淄博燃气', 'existing',
			   ${line([[x0 + 0.0006, Y.water + 0.0001, -1.0], [EAST, Y.water + 0.0001, -1.0]])})`);
	});
	afterAll(() => scratch?.dispose());

	const section = (geometry: string, who: SubjectName = 'planner') =>
		within(scratch.db, subject(who), (tx) =>
			tx.query<Crossing>(
				`select segment_id, pipeline_type, distance_m, depth_m::float8 as depth_m, diameter_mm, section
				 from public.pipe_cross_section(${geometry})`
			)
		);

	it('lists the pipes crossed in order along the line, with distance, depth where crossed, diameter or section', async () => {
		const found = await section(cut(SOUTH, Y.power + 0.0001));
		expect(found.map((c) => [c.pipeline_type, c.depth_m, c.diameter_mm, c.section])).toEqual([
			['water', 1.35, 200, null],
			['sewage', 1.4, 400, null],
			['power', 0.8, null, '600×400']
		]);
		const expected = [1, 4, 7].map((ticks) => ticks * TICK);
		found.forEach((c, i) => expect(Math.abs(c.distance_m - expected[i]), c.pipeline_type).toBeLessThan(0.1));
	});

	it('measures from where the line starts: drawn north to south, the order turns round', async () => {
		const found = await section(cut(Y.power + 0.0001, SOUTH));
		expect(found.map((c) => c.pipeline_type)).toEqual(['power', 'sewage', 'water']);
	});

	it('lists nothing for a line that crosses no pipe', async () => {
		expect(await section(cut(SOUTH - 0.0003, SOUTH))).toEqual([]);
	});

	it('refuses anything but one valid line', async () => {
		await expect(section(`extensions.st_makeenvelope(${WEST}, ${SOUTH}, ${EAST}, ${Y.power}, 4326)`)).rejects.toMatchObject({ code: '22023' });
	});

	it('shows staff what row-level security lets them read, and the public nothing', async () => {
		const drawn = cut(SOUTH, Y.power + 0.0001);
		expect((await section(drawn, 'editorA')).length).toBe(3);
		expect(await section(drawn, 'editorB')).toEqual([]);
		await expect(section(drawn, 'anon')).rejects.toMatchObject({ code: '42501' });
	});
});
