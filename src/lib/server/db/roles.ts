import type { Database, Queryable } from './types';

/** Who a query runs as: the database applies the row-level security of that role. */
export type Caller =
	| { role: 'anon' }
	| { role: 'authenticated'; userId: string; appRole?: 'planner' | 'admin' | 'viewer' }
	| { role: 'service_role' };

export const PUBLIC_CALLER: Caller = { role: 'anon' };

function claimsOf(caller: Caller): Record<string, unknown> {
	if (caller.role === 'authenticated') {
		return { role: caller.role, sub: caller.userId, app_metadata: { role: caller.appRole ?? 'viewer' } };
	}
	return { role: caller.role };
}

/**
 * Runs `fn` in a transaction as `caller`, the way PostgREST does on Supabase: switch to the
 * API role and expose the JWT claims to auth.jwt(). Both settings are transaction-local,
 * so the connection goes back to the pool unchanged.
 */
export function asCaller<T>(db: Database, caller: Caller, fn: (tx: Queryable) => Promise<T>): Promise<T> {
	return db.transaction(async (tx) => {
		await tx.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`, [
			caller.role,
			JSON.stringify(claimsOf(caller))
		]);
		return fn(tx);
	});
}
