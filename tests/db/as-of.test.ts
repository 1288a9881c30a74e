import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/lib/domain/types';
import { loadAtlas } from '../../src/lib/server/atlas';
import { asCaller, type Caller } from '../../src/lib/server/db/roles';
import { HISTORY_BACKED } from '../../src/lib/server/history/as-of';
import { SURVEY_DATE } from '../../supabase/generator/history';
import { DATA_DATE } from '../../supabase/generator/stages';
import { backends, openSeeded, type Scratch } from './backends';
import { addStaff, callers, communityId } from './staff-fixture';

const TABLES = ['communities', 'buildings', 'renovation_projects', 'project_milestones', 'plan_items'];

/** The atlas without the fields that name the request rather than the data. */
/**
 * What an atlas shows, whatever its date. The underground-first flag is left out: it is read
 * from the pipelines, which have no replayed past, so staff get it on the live map only.
 */
const data = (a: Atlas) => ({
	...a,
	asOf: null,
	communities: {
		...a.communities,
		features: a.communities.features.map((f) => {
			const { undergroundFirst, ...properties } = f.properties;
			void undergroundFirst;
			return { ...f, properties };
		})
	}
});

/**
 * The atlas without one community and its buildings. The batch years' roll-up is left out:
 * it counted the community's plan; the planner's comparison covers it.
 */
function without(a: Atlas, id: string): Atlas {
	return {
		...a,
		batchProgress: [],
		communities: { ...a.communities, features: a.communities.features.filter((f) => f.properties.id !== id) },
		buildings: { ...a.buildings, features: a.buildings.features.filter((f) => f.properties.communityId !== id) }
	};
}

describe.each(backends)('the district as of a date on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addStaff(scratch.db);
	}, 120_000);
	afterAll(() => scratch?.dispose());

	const at = (caller: Caller, moment: string) => loadAtlas(caller, { db: scratch.db, moment });
	// PGlite's clock counts milliseconds: a write in the same millisecond as the moment read
	// would count as before it. Waiting a little keeps every write strictly after.
	const now = async () => {
		const [{ t }] = await scratch.db.query<{ t: string }>(`select clock_timestamp()::text as t`);
		await new Promise((resolve) => setTimeout(resolve, 5));
		return t;
	};
	const as = (caller: Caller, sql: string, params: unknown[] = []) =>
		asCaller(scratch.db, caller, (tx) => tx.query(sql, params as never[]));

	it('replays every seeded row exactly as it stands', async () => {
		const moment = await now();
		for (const table of TABLES) {
			const key = table === 'project_milestones' ? `project_id::text || stage` : 'id::text';
			const rows = (sql: string) =>
				asCaller(scratch.db, callers.planner, async (tx) => {
					await tx.query(`select set_config('atlas.as_of', $1, true)`, [moment]);
					return tx.query<{ row: unknown }>(`select to_jsonb(x) - 'version' - 'updated_at' as row from ${sql} x order by ${key}`);
				});
			const live = await rows(`public.${table}`);
			expect(live.length).toBeGreaterThan(0);
			expect(await rows(`as_of.${table}`), table).toEqual(live);
		}
	});

	it('shows the demo data date exactly as the live map, and the survey before it empty', async () => {
		for (const caller of [callers.anon, callers.planner]) {
			const live = await loadAtlas(caller, { db: scratch.db });
			const then = await loadAtlas(caller, { db: scratch.db, asOf: DATA_DATE });
			expect(then.asOf).toBe(DATA_DATE);
			expect(data(then)).toEqual(data(live));
			expect(live.recordBegan).toBe(SURVEY_DATE);
			// The flag only now, and to staff only.
			const flagged = (a: Atlas) => a.communities.features.some((f) => f.properties.undergroundFirst);
			expect([flagged(live), flagged(then)]).toEqual([caller === callers.planner, false]);
		}
		const before = await loadAtlas(callers.planner, { db: scratch.db, asOf: '2019-06-30' });
		expect(before.communities.features).toEqual([]);
		expect(before.buildings.features).toEqual([]);
	});

	it('tells the demo story: at the end of 2020 the 2022 batch had not begun and nothing was accepted', async () => {
		const then = await loadAtlas(callers.planner, { db: scratch.db, asOf: '2020-12-31' });
		const props = then.communities.features.map((f) => f.properties);
		expect(props).toHaveLength(22);
		expect(props.filter((c) => c.batchYear === 2022).every((c) => c.stage === null)).toBe(true);
		expect(props.some((c) => c.stage === 'acceptance' || c.stage === 'archived')).toBe(false);
		expect(props.filter((c) => c.batchYear === 2020).every((c) => c.stage === 'construction')).toBe(true);
	});

	it('after a series of edits, shows at each moment what the database held then', async () => {
		const ids = async (sql: string) => (await scratch.db.query<{ id: string }>(sql)).map((r) => r.id);
		const [item] = await ids(`select id from public.plan_items where status = 'planned' order by id limit 1`);
		const [building, removed] = await ids(`select id from public.buildings order by code limit 2`);
		const [project] = await ids(`select id from public.renovation_projects where stage = 'construction' order by id limit 1`);
		const withdrawn = await communityId(scratch.db, 'ZD-2021-01');

		const edits: [string, () => Promise<unknown>][] = [
			['a plan item is begun', () => as(callers.planner, `update public.plan_items set status = 'in_progress', percent_complete = 40 where id = $1`, [item])],
			['a footprint is redrawn', () => as(callers.planner, `update public.buildings set footprint = extensions.st_buffer(footprint, -0.00001) where id = $1`, [building])],
			[
				'a project is accepted',
				async () => {
					await as(callers.planner, `update public.project_milestones set actual_on = current_date where project_id = $1 and stage = 'acceptance'`, [project]);
					await as(callers.planner, `update public.renovation_projects set stage = 'acceptance', status_as_of = current_date where id = $1`, [project]);
				}
			],
			['a building is removed', () => as(callers.planner, `delete from public.buildings where id = $1`, [removed])],
			['a community is withdrawn', () => as(callers.planner, `update public.communities set published = false where id = $1`, [withdrawn])]
		];

		const seen: { moment: string; planner: Atlas; anon: Atlas }[] = [
			{ moment: await now(), planner: await loadAtlas(callers.planner, { db: scratch.db }), anon: await loadAtlas(callers.anon, { db: scratch.db }) }
		];
		for (const [, edit] of edits) {
			await edit();
			seen.push({
				moment: await now(),
				planner: await loadAtlas(callers.planner, { db: scratch.db }),
				anon: await loadAtlas(callers.anon, { db: scratch.db })
			});
		}
		// Each edit changed what the map shows, so equal snapshots prove nothing by accident.
		for (let i = 1; i < seen.length; i++) {
			const changed = [seen[i].planner, seen[i].anon].map((a, k) => JSON.stringify(data(a)) !== JSON.stringify(data(k ? seen[i - 1].anon : seen[i - 1].planner)));
			expect(changed.some(Boolean), edits[i - 1][0]).toBe(true);
		}

		for (const [i, s] of seen.entries()) {
			const step = i === 0 ? 'before the edits' : edits[i - 1][0];
			expect(data(await at(callers.planner, s.moment)), step).toEqual(data(s.planner));
			// The public never sees a withdrawn community again, in its past either.
			const publicThen = await at(callers.anon, s.moment);
			expect(publicThen.communities.features.some((f) => f.properties.id === withdrawn), step).toBe(false);
			expect(publicThen.buildings.features.some((f) => f.properties.communityId === withdrawn), step).toBe(false);
			expect(data(without(publicThen, withdrawn)), step).toEqual(data(without(s.anon, withdrawn)));
		}
	}, 120_000);

	it('keeps the past of a community from the public that was not published then', async () => {
		const hidden = await communityId(scratch.db, 'ZD-2022-01');
		await as(callers.planner, `update public.communities set published = false where id = $1`, [hidden]);
		const moment = await now();
		await as(callers.planner, `update public.communities set published = true where id = $1`, [hidden]);
		expect((await at(callers.anon, moment)).communities.features.some((f) => f.properties.id === hidden)).toBe(false);
		expect((await at(callers.planner, moment)).communities.features.some((f) => f.properties.id === hidden)).toBe(true);
		expect((await loadAtlas(callers.anon, { db: scratch.db })).communities.features.some((f) => f.properties.id === hidden)).toBe(true);
	});

	it('has a view in schema as_of for every name the read model swaps, and twins that match the live views', async () => {
		const rows = await scratch.db.query<{ name: string }>(
			`select table_name as name from information_schema.views where table_schema = 'as_of' order by 1`
		);
		expect(rows.map((r) => r.name)).toEqual([...HISTORY_BACKED].sort());
		for (const view of ['milestone_schedule', 'community_schedule', 'plan_progress']) {
			// Names printed in full, as the migration read them.
			const [d] = await scratch.db.transaction(async (tx) => {
				await tx.query(`select set_config('search_path', '', true)`);
				return tx.query<{ live: string; twin: string }>(
					`select pg_catalog.pg_get_viewdef($1::pg_catalog.regclass) as live, pg_catalog.pg_get_viewdef($2::pg_catalog.regclass) as twin`,
					[`public.${view}`, `as_of.${view}`]
				);
			});
			expect(d.twin.replace(/\bas_of\./g, 'public.'), view).toBe(d.live);
		}
	});
});
