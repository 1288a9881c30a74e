import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/lib/server/db/types';
import { backends, openSeeded, type Scratch } from './backends';
import { addFixture, COMMUNITY } from './matrix/fixture';
import { pipeIn } from './matrix/pipe-fixture';
import { subject, within, type SubjectName } from './matrix/subjects';

// "Underground first, then above ground" (DOMAIN.md §3), asked of public.underground_first_flags.
// Each case builds its own plan in community A-bare (sub-district A) or B-bare (B) inside a
// transaction that is rolled back.

interface Flag {
	community_id: string;
	to_renew_segments: number;
	to_renew_types: string[];
	unscheduled_types: string[];
	underground_finishes_on: string | null;
	surface_starts_on: string | null;
	surface_catalogue_code: string | null;
	flagged: boolean;
}

type Bare = 'A-bare' | 'B-bare';

/** A water main in `community`, in `state`. */
const pipe = (community: Bare, state: 'to_renew' | 'renewed' | 'existing', type = 'water') =>
	`insert into public.pipe_segments (community_id, pipeline_type, material, diameter_mm, depth_start_m, depth_end_m, owner, state, renewed_on, geom)
	 values ('${COMMUNITY[community]}', '${type}', 'PE', 110, 1.2, 1.5, '淄博水务', '${state}', ${state === 'renewed' ? `'2021-06-30'` : 'null'}, ${pipeIn(community)})`;

/** A plan item of `code` in `community`, with its planned dates. */
const item = (community: Bare, code: string, startsOn: string | null, finishesOn: string | null) =>
	`insert into public.plan_items (community_id, catalogue_code, quantity, starts_on, finishes_on)
	 values ('${COMMUNITY[community]}', '${code}', 100, ${startsOn ? `'${startsOn}'` : 'null'}, ${finishesOn ? `'${finishesOn}'` : 'null'})`;

describe.each(backends)('the underground-first flag (public.underground_first_flags) on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addFixture(scratch.db);
	});
	afterAll(() => scratch?.dispose());

	/** The flags `who` sees of the bare communities, after `statements` (as the owner). */
	const flags = (statements: string[], who: SubjectName = 'planner') =>
		within(
			scratch.db,
			subject(who),
			(tx: Queryable) =>
				tx.query<Flag>(
					`select community_id, to_renew_segments, to_renew_types, unscheduled_types, underground_finishes_on::text,
					        surface_starts_on::text, surface_catalogue_code, flagged
					 from public.underground_first_flags where community_id in ($1, $2) order by community_id`,
					[COMMUNITY['A-bare'], COMMUNITY['B-bare']]
				),
			async (tx) => {
				for (const s of statements) await tx.query(s);
			}
		);

	it('flags a road relaid before the water main under it is renewed', async () => {
		const [flag] = await flags([
			pipe('A-bare', 'to_renew'),
			pipe('A-bare', 'renewed'),
			item('A-bare', 'water_supply', '2024-04-01', '2024-08-31'),
			item('A-bare', 'roads', '2024-06-01', '2024-09-30'),
			item('A-bare', 'greening', '2024-05-15', '2024-06-30')
		]);
		expect(flag).toEqual({
			community_id: COMMUNITY['A-bare'],
			to_renew_segments: 1,
			to_renew_types: ['water'],
			unscheduled_types: [],
			underground_finishes_on: '2024-08-31',
			surface_starts_on: '2024-05-15',
			surface_catalogue_code: 'greening',
			flagged: true
		});
	});

	it('does not flag surface works that start after the underground work is finished', async () => {
		const [flag] = await flags([
			pipe('A-bare', 'to_renew'),
			item('A-bare', 'water_supply', '2024-04-01', '2024-08-31'),
			item('A-bare', 'roads', '2024-09-01', '2024-10-31')
		]);
		expect([flag.underground_finishes_on, flag.surface_starts_on, flag.flagged]).toEqual(['2024-08-31', '2024-09-01', false]);
	});

	it('flags a surface work that starts on the underground work’s last day', async () => {
		const [flag] = await flags([
			pipe('A-bare', 'to_renew'),
			item('A-bare', 'water_supply', '2024-04-01', '2024-08-31'),
			item('A-bare', 'roads', '2024-08-31', '2024-10-31')
		]);
		expect(flag.flagged).toBe(true);
	});

	it('waits for the last network: rain and sewage renewed by one item, water by another', async () => {
		const [flag] = await flags([
			pipe('A-bare', 'to_renew', 'water'),
			pipe('A-bare', 'to_renew', 'sewage'),
			item('A-bare', 'water_supply', '2024-04-01', '2024-05-31'),
			item('A-bare', 'rain_sewage', '2024-04-01', '2024-07-31'),
			item('A-bare', 'roads', '2024-06-15', '2024-10-31')
		]);
		expect([flag.to_renew_types, flag.underground_finishes_on, flag.flagged]).toEqual([['water', 'sewage'], '2024-07-31', true]);
	});

	it('does not flag a community with no pipes left to renew', async () => {
		const [flag] = await flags([
			pipe('A-bare', 'renewed'),
			pipe('A-bare', 'existing', 'gas'),
			item('A-bare', 'roads', '2024-06-01', '2024-09-30')
		]);
		expect([flag.to_renew_segments, flag.to_renew_types, flag.flagged]).toEqual([0, [], false]);
	});

	it('flags surface works planned while no underground item is planned for the pipes to renew', async () => {
		const [flag] = await flags([pipe('A-bare', 'to_renew'), item('A-bare', 'gas', '2024-04-01', '2024-05-31'), item('A-bare', 'parking', '2025-03-01', null)]);
		expect([flag.unscheduled_types, flag.underground_finishes_on, flag.surface_catalogue_code, flag.flagged]).toEqual([
			['water'],
			null,
			'parking',
			true
		]);
	});

	it('counts an underground item without a finish date as not scheduled', async () => {
		const [flag] = await flags([
			pipe('A-bare', 'to_renew'),
			item('A-bare', 'water_supply', '2024-04-01', null),
			item('A-bare', 'roads', '2025-06-01', '2025-09-30')
		]);
		expect([flag.unscheduled_types, flag.flagged]).toEqual([['water'], true]);
	});

	it('does not flag pipes to renew when no surface work has a date', async () => {
		const [flag] = await flags([pipe('A-bare', 'to_renew'), item('A-bare', 'roads', null, null), item('A-bare', 'painting', '2024-01-01', '2024-02-01')]);
		expect([flag.surface_starts_on, flag.flagged]).toEqual([null, false]);
	});

	const both = [
		pipe('A-bare', 'to_renew'),
		item('A-bare', 'roads', '2024-06-01', '2024-09-30'),
		pipe('B-bare', 'to_renew'),
		item('B-bare', 'roads', '2024-06-01', '2024-09-30')
	];

	it('shows planners and leaders every community, editors their own sub-districts’', async () => {
		for (const who of ['planner', 'leader'] as const) {
			expect((await flags(both, who)).map((f) => [f.community_id, f.flagged])).toEqual([
				[COMMUNITY['A-bare'], true],
				[COMMUNITY['B-bare'], true]
			]);
		}
		expect((await flags(both, 'editorA')).map((f) => f.community_id)).toEqual([COMMUNITY['A-bare']]);
		expect((await flags(both, 'editorB')).map((f) => f.community_id)).toEqual([COMMUNITY['B-bare']]);
		expect(await flags(both, 'noRole')).toEqual([]);
	});

	it('gives the public nothing: not even the right to ask', async () => {
		await expect(flags(both, 'anon')).rejects.toMatchObject({ code: '42501' });
	});

	it('flags demo communities only where a surface work starts before the renewal, as the rows say', async () => {
		const rows = await within(scratch.db, subject('planner'), (tx) =>
			tx.query<{ code: string; flagged: boolean; expected: boolean }>(
				`select c.code, f.flagged,
				        exists (select 1 from public.plan_items i
				                join public.renovation_catalogue k on k.code = i.catalogue_code and k.is_surface_work
				                where i.community_id = c.id and i.starts_on <= any (
				                  select coalesce(u.finishes_on, 'infinity') from public.plan_items u
				                  join public.pipeline_types t on t.catalogue_code = u.catalogue_code
				                  where u.community_id = c.id
				                    and exists (select 1 from public.pipe_segments s
				                                where s.community_id = c.id and s.pipeline_type = t.code and s.state = 'to_renew'))
				                  and exists (select 1 from public.pipe_segments s where s.community_id = c.id and s.state = 'to_renew')) as expected
				 from public.underground_first_flags f join public.communities c on c.id = f.community_id
				 where c.is_demo order by c.code`
			)
		);
		expect(rows.length).toBe(22);
		expect(rows.filter((r) => r.flagged).length).toBeGreaterThan(0);
		for (const r of rows) expect(r.flagged, r.code).toBe(r.expected);
	});

	it('refuses a finish before the start', async () => {
		await expect(
			within(scratch.db, subject('owner'), (tx) => tx.query(item('A-bare', 'roads', '2024-06-01', '2024-05-31')))
		).rejects.toMatchObject({ code: '23514' });
	});
});
