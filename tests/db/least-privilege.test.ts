import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/lib/server/db/postgres';
import { asCaller, PUBLIC_CALLER } from '../../src/lib/server/db/roles';
import { startupWarnings } from '../../src/lib/server/db/startup-check';
import type { Database } from '../../src/lib/server/db/types';
import { backends, openSeeded, postgresBackend, requirePostgres, type Scratch } from './backends';
import { ACCOUNT, addFixture, USER } from './matrix/fixture';
import { asOwner } from './matrix/run';
import { subject, type SubjectName, within } from './matrix/subjects';

// PGlite is one in-process user and cannot separate logins; this is about PostgreSQL, where
// the app connects as `authenticator` (supabase/bootstrap.sql) and switches per request.
describe.skipIf(!postgresBackend)("the app's login role on PostgreSQL (needs DATABASE_URL)", () => {
	let scratch: Scratch;
	let app: Database;
	beforeAll(async () => {
		scratch = await openSeeded(requirePostgres());
		if (!scratch.appUrl) throw new Error('no app connection string');
		app = await openPostgres(scratch.appUrl);
	});
	afterAll(async () => {
		await app?.close();
		await scratch?.dispose();
	});

	it('is not a superuser, bypasses no policy, and serves the public map', async () => {
		const [role] = await app.query<{ name: string; rolsuper: boolean; rolbypassrls: boolean }>(
			'select current_user as name, rolsuper, rolbypassrls from pg_roles where rolname = current_user'
		);
		expect(role).toEqual({ name: 'authenticator', rolsuper: false, rolbypassrls: false });
		const communities = await asCaller(app, PUBLIC_CALLER, (tx) => tx.query('select id from public.communities'));
		expect(communities).toHaveLength(22);
		expect(await startupWarnings(app)).toEqual([]);
	});

	it('gains nothing from `reset role` inside a request: the login itself may read no table', async () => {
		const after = asCaller(app, PUBLIC_CALLER, async (tx) => {
			await tx.query('reset role');
			const [{ user }] = await tx.query<{ user: string }>('select current_user as user');
			expect(user).toBe('authenticator');
			return tx.query('select count(*) from public.communities');
		});
		await expect(after).rejects.toThrow(/permission denied for table communities/);
	});

	it.each([
		['set role postgres', /permission denied to set role "postgres"/],
		['set session authorization postgres', /permission denied to set session authorization/],
		['reset role; create table public.mine (id int)', /permission denied for schema public/],
		// Were it allowed it would only add an unused role (roles are shared by the whole server).
		['reset role; create role atlas_intruder superuser', /must be superuser to create superusers|permission denied to create role/]
	])('refuses `%s` inside a request', async (sql, error) => {
		await expect(asCaller(app, PUBLIC_CALLER, (tx) => tx.exec(sql))).rejects.toThrow(error);
	});

	it('warns at start-up when the app is pointed at a superuser instead', async () => {
		const warnings = await startupWarnings(scratch.db);
		expect(warnings.join('\n')).toMatch(/is a superuser/);
	});
});

/**
 * Who may call each function of the private schema. Policies call the claims helpers as the
 * signed-in user; an admin creates accounts and a member changes a password through the two
 * account functions, which check the caller themselves; the rest are triggers, which need no
 * grant. The per-row helpers of the first schema (community_is_published, project_is_published)
 * are gone: a function added later must be listed here with its reason.
 */
const EXECUTE: Record<string, string[]> = {
	app_role: ['service_role'],
	is_planner: ['authenticated', 'service_role'],
	reads_everything: ['authenticated', 'service_role'],
	is_admin: ['authenticated', 'service_role'],
	editor_subdistricts: ['authenticated', 'service_role'],
	create_local_account: ['authenticated', 'service_role'],
	set_local_password: ['authenticated', 'service_role'],
	check_staff_subdistricts: [],
	check_plan_item: [],
	check_funding_line: [],
	clear_plan_first: [],
	forget_building_in_plans: [],
	forget_plan_item_in_funding: [],
	end_sessions_of_disabled_staff: [],
	keep_columns_from_editors: [],
	next_version: [],
	record_change: [],
	refuse_audit_change: [],
	remove_children_first: [],
	// Eligibility: the view reads it as its caller, whoever may read communities.
	eligibility_reasons: ['anon', 'authenticated', 'service_role'],
	eligibility_status: ['anon', 'authenticated', 'service_role'],
	may_enter_batch: [],
	fill_eligibility_override: [],
	refuse_ineligible_entry: [],
	keep_baseline: [],
	record_replan: [],
	require_replan_reason: [],
	refuse_retired_catalogue_item: [],
	keep_replans: [],
	// The planners' overview of the annual cycle reads it as its caller.
	candidate_list_due: ['authenticated', 'service_role'],
	check_candidate_submission: [],
	// The geometry rules, for the trigger; the drawing tools' dry run asks them through the
	// two checks, which refuse staff who may not redraw the community.
	community_boundary_problems: [],
	building_footprint_problems: [],
	shape_problems: [],
	may_redraw: [],
	check_community_boundary: ['authenticated', 'service_role'],
	check_building_footprint: ['authenticated', 'service_role'],
	check_geometry: [],
	// The past (schema as_of): its views call these as their reader, who sees what they may;
	// the replay itself, the visibility test and the loaders' tools only as their owner.
	as_of: ['anon', 'authenticated', 'service_role'],
	communities_as_of: ['anon', 'authenticated', 'service_role'],
	buildings_as_of: ['anon', 'authenticated', 'service_role'],
	renovation_projects_as_of: ['anon', 'authenticated', 'service_role'],
	project_milestones_as_of: ['anon', 'authenticated', 'service_role'],
	plan_items_as_of: ['anon', 'authenticated', 'service_role'],
	record_began: ['anon', 'authenticated', 'service_role'],
	replay: [],
	may_read_past_community: [],
	record_unrecorded_rows: [],
	refresh_history_views: [],
	// Pipelines (issue 8): triggers.
	refuse_future_renewal: [],
	clear_pipes_first: [],
	// Facilities (issue 8): the trigger and its geometry rules.
	facility_geometry_problems: [],
	check_facility: [],
	keep_facilities_with_their_item: [],
	clear_facilities_first: [],
	// Residents' feedback (issue 9): the public submits through the one function, which checks
	// its input and applies the rate limit itself; the rest are triggers.
	submit_feedback: ['anon', 'authenticated', 'service_role'],
	check_feedback_stage: [],
	stamp_moderation: []
};

const API_ROLES = ['anon', 'authenticated', 'service_role', 'authenticator'];

describe.each(backends)('what the API roles may call and use on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addFixture(scratch.db);
	});
	afterAll(() => scratch?.dispose());

	it('grants each private function to exactly the roles that need it', async () => {
		const rows = await scratch.db.query<{ name: string; roles: string[] }>(
			`select p.proname as name,
			        array(select r from unnest($1::text[]) r where has_function_privilege(r, p.oid, 'execute') order by r) as roles
			 from pg_proc p where p.pronamespace = 'private'::regnamespace`,
			[`{${API_ROLES.join(',')}}`]
		);
		expect(Object.fromEntries(rows.map((r) => [r.name, r.roles]))).toEqual(EXECUTE);
	});

	it('lets only service_role into the accounts schema', async () => {
		const rows = await scratch.db.query<{ role: string; schema: boolean; tables: boolean }>(
			`select r as role, has_schema_privilege(r, 'accounts', 'usage') as schema,
			        exists (select 1 from pg_class c where c.relnamespace = 'accounts'::regnamespace and c.relkind = 'r'
			                and has_table_privilege(r, c.oid, 'select, insert, update, delete, truncate, references')) as tables
			 from unnest($1::text[]) r order by r`,
			[`{${API_ROLES.join(',')}}`]
		);
		expect(rows).toEqual([
			{ role: 'anon', schema: false, tables: false },
			{ role: 'authenticated', schema: false, tables: false },
			{ role: 'authenticator', schema: false, tables: false },
			{ role: 'service_role', schema: true, tables: true }
		]);
	});

	const NEW_ACCOUNT = '0a000000-0000-4000-8000-0000000000cc';
	const HASH = '$scrypt$ln=15,r=8,p=1$c2FsdA$aGFzaA';
	const createAccount = (who: SubjectName) =>
		within(scratch.db, subject(who), async (tx) => {
			await tx.query('select private.create_local_account($1, $2, $3)', [NEW_ACCOUNT, 'New@Example.org', HASH]);
			return asOwner(tx, () => tx.query<{ email: string }>('select email from accounts.users where id = $1', [NEW_ACCOUNT]));
		});

	it('lets an admin create a local account, with the address in lower case', async () => {
		expect(await createAccount('admin')).toEqual([{ email: 'new@example.org' }]);
	});

	it.each(['editorA', 'planner', 'leader', 'noRole', 'unknownRole'] as const)('refuses %s a local account: only admins create them', async (who) => {
		await expect(createAccount(who)).rejects.toThrow(/only admins create accounts/);
	});

	it('refuses the public the account functions outright', async () => {
		await expect(createAccount('anon')).rejects.toThrow(/permission denied for function create_local_account/);
		await expect(
			within(scratch.db, subject('anon'), (tx) => tx.query('select private.set_local_password($1, $2)', [ACCOUNT.userId, HASH]))
		).rejects.toThrow(/permission denied for function set_local_password/);
	});

	const NEW_HASH = '$scrypt$ln=15,r=8,p=1$bmV3$bmV3';
	const passwordSet = (who: SubjectName) =>
		within(scratch.db, subject(who), async (tx) => {
			await tx.query('select private.set_local_password($1, $2)', [ACCOUNT.userId, NEW_HASH]);
			return asOwner(tx, async () => {
				const [{ hash, sessions }] = await tx.query<{ hash: string; sessions: number }>(
					`select u.password_hash as hash, (select count(*)::int from accounts.sessions s where s.user_id = u.id) as sessions
					 from accounts.users u where u.id = $1`,
					[ACCOUNT.userId]
				);
				return { hash, sessions };
			});
		});

	it.each(['editorA', 'admin'] as const)('lets %s set the editor’s password, which ends every session', async (who) => {
		expect(ACCOUNT.userId).toBe(USER.editorA);
		expect(await passwordSet(who)).toEqual({ hash: NEW_HASH, sessions: 0 });
	});

	it.each(['editorB', 'planner', 'noRole'] as const)('refuses %s another member’s password', async (who) => {
		await expect(passwordSet(who)).rejects.toThrow(/only admins change other members' passwords/);
	});
});
