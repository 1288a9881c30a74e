import { migrate } from '../../src/lib/server/db/migrate';
import { asCaller, REQUEST_SEARCH_PATH, type Caller } from '../../src/lib/server/db/roles';
import type { Database, SqlParam } from '../../src/lib/server/db/types';
import type { Backend } from '../db/backends';
import { generateScaleData, SCALE } from './scale-data';
import { BOX, BOX_QUERY, PLAIN_BOX_QUERY } from './tile-query';

/** The read policies that decide which buildings and projects a tile shows, by table. */
const READ_POLICIES = {
	buildings: ['The public can read buildings of published communities', 'Staff read the buildings of the communities they see'],
	renovation_projects: ['The public can read projects of published communities', 'Staff read the projects of the communities they see']
} as const;

/** Those policies rewritten to an earlier form: `anon`'s expression and the signed-in staff's. */
const earlierReads = (anon: string, staff: string) =>
	Object.entries(READ_POLICIES)
		.map(([table, [pub, own]]) => `alter policy "${pub}" on public.${table} using (${anon});\nalter policy "${own}" on public.${table} using (${staff});`)
		.join('\n');

/** This first set-based form: the parent's ids as a list, hashed on every query. */
const IN_SELECT_POLICIES = earlierReads(
	'community_id in (select c.id from public.communities c where c.published)',
	'(select private.reads_everything()) or community_id in (select c.id from public.communities c)'
);

/** The first schema's: a security-definer function asked once per row. */
const PER_ROW_FUNCTION_POLICIES = `
create or replace function private.community_is_published(target uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.communities c where c.id = target and c.published)
$$;
grant execute on function private.community_is_published(uuid) to anon, authenticated;
${earlierReads('private.community_is_published(community_id)', '(select private.is_planner()) or private.community_is_published(community_id)')}`;

export const ROLES = ['anon', 'editor', 'planner', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export interface Timing {
	rows: number;
	times: number[];
}

export interface Variant {
	label: string;
	timings: Record<Role, Timing>;
}

export interface PolicyFigures {
	backend: string;
	buildings: number;
	communities: number;
	published: number;
	editorSubdistrict: string;
	generateMs: number;
	current: Variant;
	earlier: Variant[];
}

function callerOf(role: Exclude<Role, 'owner'>, subdistrict: string): Caller {
	if (role === 'anon') return { role: 'anon' };
	return {
		role: 'authenticated',
		userId: role === 'editor' ? '00000000-0000-4000-8000-00000000e017' : '00000000-0000-4000-8000-0000000091a2',
		appRole: role,
		subdistricts: role === 'editor' ? [subdistrict] : []
	};
}

/**
 * Runs `sql` as each role, round after round with the roles' order rotated, so drift (GC,
 * caches, the machine's other work) falls on all of them alike. The owner gets the same
 * transaction with asCaller's settings, without switching role: RLS does not apply to it.
 */
async function timeRoles(db: Database, sql: string, subdistrict: string, rounds: number, warmup: number): Promise<Record<Role, Timing>> {
	const params: SqlParam[] = [...BOX];
	const run = (role: Role) =>
		role === 'owner'
			? db.transaction(async (tx) => {
					await tx.query(
						`select set_config('request.jwt.claims', '{}', true), set_config('search_path', $1, true), set_config('jit', 'off', true)`,
						[REQUEST_SEARCH_PATH]
					);
					return tx.query(sql, params);
				})
			: asCaller(db, callerOf(role, subdistrict), (tx) => tx.query(sql, params));
	const result = Object.fromEntries(ROLES.map((r) => [r, { rows: 0, times: [] as number[] }])) as Record<Role, Timing>;
	for (let round = 0; round < warmup + rounds; round++) {
		for (let k = 0; k < ROLES.length; k++) {
			const role = ROLES[(round + k) % ROLES.length];
			const start = performance.now();
			const rows = await run(role);
			const ms = performance.now() - start;
			result[role].rows = rows.length;
			if (round >= warmup) result[role].times.push(ms);
		}
	}
	return result;
}

export interface PolicyOptions {
	rounds: number;
	warmup: number;
	/** Rounds for the earlier forms, which take up to seconds a query. */
	earlierRounds: number;
}

/**
 * (f) The same tile query as anon, as an editor of the tile's main sub-district, as a
 * planner and as the table owner, on a fresh database of `backend` filled with SCALE's
 * synthetic data; then, for comparison, with the earlier forms of the read policies.
 */
export async function policyFigures(backend: Backend, options: PolicyOptions): Promise<PolicyFigures> {
	const scratch = await backend.openEmpty();
	const db = scratch.db;
	try {
		await migrate(db, { seed: true });
		const started = performance.now();
		await db.transaction((tx) => generateScaleData(tx, SCALE));
		const generateMs = performance.now() - started;
		const [counts] = await db.query<{ buildings: number; communities: number; published: number }>(
			`select (select count(*)::int from public.buildings) as buildings, count(*)::int as communities,
			        (count(*) filter (where published))::int as published
			 from public.communities`
		);
		const [{ code }] = await db.query<{ code: string }>(
			`select c.subdistrict_code as code from public.communities c
			 where extensions.st_intersects(c.boundary, extensions.st_makeenvelope($1, $2, $3, $4, 4326))
			 group by 1 order by count(*) desc, 1 limit 1`,
			[...BOX]
		);
		const measure = (label: string, sql: string, rounds: number, warmup: number) =>
			timeRoles(db, sql, code, rounds, warmup).then((timings): Variant => ({ label, timings }));

		const current = await measure('current policies', BOX_QUERY, options.rounds, options.warmup);
		const earlier = [await measure('current policies, without the bbox columns', PLAIN_BOX_QUERY, options.earlierRounds, 1)];
		await db.exec(IN_SELECT_POLICIES);
		earlier.push(await measure('`in (select …)` policies', BOX_QUERY, options.earlierRounds, 1));
		earlier.push(await measure('`in (select …)` policies, without the bbox columns', PLAIN_BOX_QUERY, options.earlierRounds, 1));
		await db.exec(PER_ROW_FUNCTION_POLICIES);
		earlier.push(await measure('per-row function (first schema), without the bbox columns', PLAIN_BOX_QUERY, options.earlierRounds, 1));
		return { backend: backend.name, ...counts, editorSubdistrict: code, generateMs, current, earlier };
	} finally {
		await scratch.dispose();
	}
}
