import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, openSeeded, type Scratch } from './backends';
import { addFixture, COMMUNITY, SUBDISTRICT } from './matrix/fixture';
import { subject, within } from './matrix/subjects';

const A = COMMUNITY['A-bare'];
const x = 118.05 + Object.keys(COMMUNITY).indexOf('A-bare') * 0.002;
const line = (...points: [number, number][]) =>
	`extensions.st_geomfromtext('LINESTRING Z (${points.map(([dx, z]) => `${x + dx} 36.8102 ${z}`).join(', ')})', 4326)`;

interface Segment {
	diameter: string;
	section: string;
	depths: [number, number];
	state: string;
	renewedOn: string;
	geom: string;
}
const GOOD: Segment = {
	diameter: '110',
	section: 'null',
	depths: [1.2, 1.5],
	state: `'renewed'`,
	renewedOn: `'2020-09-30'`,
	geom: line([0.0002, -1.2], [0.0005, -1.4], [0.0008, -1.5])
};
const insertSegment = (s: Segment) =>
	`insert into public.pipe_segments (community_id, pipeline_type, material, diameter_mm, section, depth_start_m, depth_end_m,
	   owner, state, renewed_on, geom)
	 values ('${A}', 'water', 'PE', ${s.diameter}, ${s.section}, ${s.depths[0]}, ${s.depths[1]}, '淄博水务', ${s.state}, ${s.renewedOn}, ${s.geom})`;

describe.each(backends)('pipelines on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addFixture(scratch.db);
	});
	afterAll(() => scratch?.dispose());

	const attempt = (sql: string) => within(scratch.db, subject('owner'), (tx) => tx.exec(sql));

	it('lists the seven networks with their Chinese names, in legend order', async () => {
		const rows = await scratch.db.query<{ code: string; name_zh: string }>('select code, name_zh from public.pipeline_types order by ordinal');
		expect(rows.map((r) => `${r.code} ${r.name_zh}`)).toEqual([
			'water 给水',
			'rain 雨水',
			'sewage 污水',
			'gas 燃气',
			'heat 热力',
			'power 电力',
			'telecom 通信'
		]);
	});

	it('holds the demo pipelines, each with one insert entry in the record, and records writes after the seed', async () => {
		const [seeded] = await scratch.db.query<{ segments: number; nodes: number; unrecorded: number; twice: number }>(`
			select (select count(*)::int from public.pipe_segments where is_demo) as segments,
			       (select count(*)::int from public.pipe_nodes where is_demo) as nodes,
			       (select count(*)::int from (select id::text as id, 'pipe_segments' as t from public.pipe_segments where is_demo
			                                    union all select id::text, 'pipe_nodes' from public.pipe_nodes where is_demo) x
			        where not exists (select 1 from public.audit_log a where a.table_name = x.t and a.row_id = x.id and a.action = 'insert')) as unrecorded,
			       (select count(*)::int from (select 1 from public.audit_log a where a.table_name in ('pipe_segments', 'pipe_nodes') and a.action = 'insert'
			                                   group by a.table_name, a.row_id having count(*) > 1) d) as twice`);
		expect(seeded.segments).toBeGreaterThan(5000);
		expect(seeded.nodes).toBeGreaterThan(1000);
		expect(seeded).toMatchObject({ unrecorded: 0, twice: 0 });
		// The seed switches the row-by-row record off while it writes its own entries: it must be on again.
		const triggers = await scratch.db.query<{ tgname: string; tgenabled: string }>(
			`select tgname, tgenabled from pg_trigger where tgname in ('pipe_segments_record_change', 'pipe_nodes_record_change') order by 1`
		);
		expect(triggers).toEqual([
			{ tgname: 'pipe_nodes_record_change', tgenabled: 'O' },
			{ tgname: 'pipe_segments_record_change', tgenabled: 'O' }
		]);
	});

	it('takes a segment whose ends lie at its recorded depths', async () => {
		await expect(attempt(insertSegment(GOOD))).resolves.toBeUndefined();
	});

	it.each([
		['no diameter and no section', { diameter: 'null' }, 'pipe_segments_diameter_or_section'],
		['both a diameter and a section', { section: `'600×400'` }, 'pipe_segments_diameter_or_section'],
		['a depth of nought', { depths: [0, 1.5], geom: line([0.0002, 0], [0.0008, -1.5]) }, 'pipe_segments_depth_start_m_check'],
		['a depth beyond 15 m', { depths: [1.2, 16], geom: line([0.0002, -1.2], [0.0008, -16]) }, 'pipe_segments_depth_end_m_check'],
		['a renewed segment without its date', { renewedOn: 'null' }, 'pipe_segments_renewed_on_iff_renewed'],
		['a date on a segment not renewed', { state: `'to_renew'` }, 'pipe_segments_renewed_on_iff_renewed'],
		['a renewal still to come', { renewedOn: `(now() at time zone 'Asia/Shanghai')::date + 1` }, 'pipe_segments_renewed_on_past'],
		['a line of one point in plan', { geom: line([0.0002, -1.2], [0.0002, -1.5]) }, 'pipe_segments_geom_valid'],
		['a vertex above ground', { geom: line([0.0002, -1.2], [0.0005, 0.3], [0.0008, -1.5]) }, 'pipe_segments_geom_below_ground'],
		['an end not at its recorded depth', { geom: line([0.0002, -1.2], [0.0008, -1.8]) }, 'pipe_segments_geom_ends_at_depths']
	] as const)('refuses %s', async (_title, change, constraint) => {
		await expect(attempt(insertSegment({ ...GOOD, ...change } as Segment))).rejects.toMatchObject({ code: '23514', constraint });
	});

	it('refuses a manhole whose point is not at its depth', async () => {
		const node = (z: number) =>
			`insert into public.pipe_nodes (community_id, pipeline_type, kind, depth_m, state, geom)
			 values ('${A}', 'sewage', 'manhole', 2.1, 'existing', extensions.st_geomfromtext('POINT Z (${x + 0.0002} 36.8102 ${z})', 4326))`;
		await expect(attempt(node(-2.1))).resolves.toBeUndefined();
		await expect(attempt(node(-2.5))).rejects.toMatchObject({ code: '23514', constraint: 'pipe_nodes_geom_at_depth' });
	});

	it('keeps the pipes of a removed community on the record of its sub-district', async () => {
		const records = await within(scratch.db, subject('owner'), async (tx) => {
			await tx.exec(insertSegment(GOOD));
			await tx.exec(`delete from public.communities where id = '${A}'`);
			return tx.query<{ action: string; subdistrict_code: string }>(
				`select action, subdistrict_code from public.audit_log where table_name = 'pipe_segments' and community_id = $1 order by id`,
				[A]
			);
		});
		expect(records).toEqual([
			{ action: 'insert', subdistrict_code: SUBDISTRICT.A },
			{ action: 'delete', subdistrict_code: SUBDISTRICT.A }
		]);
	});
});
