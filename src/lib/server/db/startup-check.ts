import { isDatabaseUnavailable } from './errors';
import { asCaller, PUBLIC_CALLER } from './roles';
import type { Database } from './types';

interface LoginRole {
	name: string;
	superuser: boolean;
	bypass_rls: boolean;
	api_roles: boolean;
}

/**
 * What an operator should know about a PostgreSQL database the app has just been pointed
 * at, as lines for the log: a login role with more rights than it needs, one that cannot
 * switch into the API roles, a schema that was never migrated, or no database at all. None
 * of it stops the server; requests answer 503 until the database can serve them.
 */
export async function startupWarnings(db: Database): Promise<string[]> {
	const warnings: string[] = [];
	try {
		const [role] = await db.query<LoginRole>(
			`select current_user as name, rolsuper as superuser, rolbypassrls as bypass_rls,
			        pg_has_role(current_user, 'anon', 'member') and pg_has_role(current_user, 'authenticated', 'member') as api_roles
			 from pg_roles where rolname = current_user`
		);
		if (role.superuser || role.bypass_rls) {
			warnings.push(
				`connected as ${role.name}, which ${role.superuser ? 'is a superuser' : 'bypasses row-level security'}: ` +
					`one injected statement could undo every policy. Connect as a login role that can only switch into ` +
					`anon/authenticated/service_role (README: "Roles on a real PostgreSQL").`
			);
		} else if (!role.api_roles) {
			warnings.push(`the login role ${role.name} cannot switch into anon and authenticated: grant anon, authenticated, service_role to ${role.name}`);
		}
		await asCaller(db, PUBLIC_CALLER, (tx) => tx.query('select 1 from public.districts limit 1'));
	} catch (error) {
		if (!isDatabaseUnavailable(error)) {
			warnings.push(`the start-up check failed: ${error instanceof Error ? error.message : String(error)}`);
			return warnings;
		}
		warnings.push(
			error.reason === 'not_migrated'
				? `the database has no atlas schema yet: run \`npm run db:migrate\` (add --seed for the demo data) with the owner's connection`
				: `${error.message}; answering 503 until it can be reached`
		);
	}
	return warnings;
}
