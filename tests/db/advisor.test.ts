import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/lib/server/db/types';
import { ADVISOR_RULES } from './advisor-rules';
import { backends, openSeeded, type Scratch } from './backends';

/** Runs `fn` in a transaction that is always rolled back, so each violation stays a sketch. */
async function inRolledBack(scratch: Scratch, fn: (tx: Queryable) => Promise<string[]>): Promise<string[]> {
	const rollback = new Error('rollback');
	let found: string[] = [];
	await scratch.db
		.transaction(async (tx) => {
			found = await fn(tx);
			throw rollback;
		})
		.catch((error: unknown) => {
			if (error !== rollback) throw error;
		});
	return found;
}

async function violations(q: Queryable, rule: string): Promise<string[]> {
	const found = ADVISOR_RULES.find((r) => r.name === rule);
	if (!found) throw new Error(`no rule ${rule}`);
	return (await q.query<{ detail: string }>(found.sql)).map((r) => r.detail);
}

// For each rule, one way to break it: proof that the rule can report something at all.
const BREAKS: Record<string, string> = {
	rls_disabled_in_exposed_schema: `create table public.loose (id int primary key)`,
	policy_exists_rls_disabled: `create table public.loose (id int primary key);
	  create policy "Anyone reads" on public.loose for select using (true)`,
	rls_enabled_no_policy: `create table public.shut (id int primary key); alter table public.shut enable row level security`,
	extension_in_public: `create extension pg_trgm with schema public`,
	function_search_path_mutable: `create function public.answer() returns int language sql as 'select 42'`,
	security_definer_executable_by_anon_without_need: `create function private.peek() returns bigint language sql security definer
	  set search_path = '' as 'select count(*) from public.communities'; grant execute on function private.peek() to anon`,
	security_definer_executable_by_authenticated_without_need: `create function private.peek() returns bigint language sql
	  security definer set search_path = '' as 'select count(*) from public.communities';
	  revoke execute on function private.peek() from public; grant execute on function private.peek() to authenticated`,
	auth_rls_initplan: `create policy "Planners, row by row" on public.communities for select to authenticated using (private.is_planner())`,
	rls_policy_always_true: `create policy "Anyone may delete" on public.buildings for delete to authenticated using (true)`,
	rls_references_user_metadata: `create policy "Self-declared planners" on public.communities for update to authenticated
	  using ((select auth.jwt() -> 'user_metadata' ->> 'role') = 'planner')`,
	security_definer_view: `create view public.everything as select * from public.communities`,
	no_primary_key: `create table public.heap (a int); alter table public.heap enable row level security;
	  create policy "Anyone reads" on public.heap for select using (true)`,
	unindexed_foreign_keys: `create table private.notes (id int primary key, community_id uuid references public.communities (id))`,
	duplicate_index: `create index communities_batch_again_idx on public.communities (batch_year)`
};

describe.each(backends)("Supabase's security advisor rules on $name", (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
	});
	afterAll(() => scratch?.dispose());

	it.each(ADVISOR_RULES.map((r) => [r.name, r.splinter ?? '-']))('%s (splinter %s): no violation', async (name) => {
		expect(await violations(scratch.db, name)).toEqual([]);
	});

	// PGlite carries no contrib extension to install in public; PostgreSQL proves that rule.
	const breakable = Object.keys(BREAKS).filter((name) => backend.name === 'postgres' || name !== 'extension_in_public');
	it.each(breakable)('%s reports a schema that breaks it', async (name) => {
		const found = await inRolledBack(scratch, async (tx) => {
			await tx.exec(BREAKS[name]);
			return violations(tx, name);
		});
		expect(found.length, found.join('\n')).toBeGreaterThan(0);
	});

	it('has a way to break every rule', () => {
		expect(Object.keys(BREAKS).sort()).toEqual(ADVISOR_RULES.map((r) => r.name).sort());
	});
});
