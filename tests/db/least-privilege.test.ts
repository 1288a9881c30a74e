import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/lib/server/db/postgres';
import { asCaller, PUBLIC_CALLER } from '../../src/lib/server/db/roles';
import { startupWarnings } from '../../src/lib/server/db/startup-check';
import type { Database } from '../../src/lib/server/db/types';
import { openSeeded, postgresBackend, requirePostgres, type Scratch } from './backends';

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
