import type { AppRole } from '../../domain/roles';
import type { Database, Queryable } from './types';

export { APP_ROLES, isAppRole, type AppRole } from '../../domain/roles';

/**
 * Who a query runs as: the database applies the row-level security of that role. A signed-in
 * user without an app role (or with one the database does not know) reads published data
 * only. Only the sign-in module builds a signed-in caller, from a verified session.
 */
export type Caller =
	| { role: 'anon' }
	| { role: 'authenticated'; userId: string; appRole: AppRole | null; subdistricts: readonly string[] }
	| { role: 'service_role' };

export const PUBLIC_CALLER: Caller = { role: 'anon' };

/** The claims Supabase's PostgREST would set for the caller's JWT. */
export function claimsOf(caller: Caller): Record<string, unknown> {
	if (caller.role === 'authenticated') {
		return {
			sub: caller.userId,
			role: caller.role,
			app_metadata: caller.appRole ? { role: caller.appRole, subdistricts: caller.subdistricts } : {}
		};
	}
	return { role: caller.role };
}

/**
 * The schemas a request's unqualified names resolve in: the API schema, then PostGIS's.
 * Supabase's PostgREST sets the same per request (config.toml: api.extra_search_path).
 */
export const REQUEST_SEARCH_PATH = 'public, extensions';

/**
 * Runs `fn` in a transaction as `caller`, the way PostgREST does on Supabase: switch to the
 * API role, expose the JWT claims to auth.jwt() and set the search path. All are
 * transaction-local, so the connection goes back to the pool unchanged. On PostgreSQL the
 * app's login role has no rights of its own, so a `reset role` inside `fn` only loses rights.
 *
 * JIT compilation is off for these short queries: under RLS a map tile's rows are estimated
 * from the leakproof bbox columns alone, some 70 times too many, and PostgreSQL then spent
 * ~30 ms compiling a query that runs in 1 ms (`npm run bench`, part (f)). PGlite has no JIT.
 */
export function asCaller<T>(db: Database, caller: Caller, fn: (tx: Queryable) => Promise<T>): Promise<T> {
	return db.transaction(async (tx) => {
		await tx.query(
			`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true), set_config('search_path', $3, true),
			        set_config('jit', 'off', true)`,
			[caller.role, JSON.stringify(claimsOf(caller)), REQUEST_SEARCH_PATH]
		);
		return fn(tx);
	});
}
