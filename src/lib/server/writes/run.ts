import { asCaller, getDatabase, type Caller, type Database, type Queryable } from '../db';
import { refusalFromDatabaseError } from './database-errors';
import { Refused, type ForbiddenReason, type Outcome, type Refusal } from './outcome';

/** Why `caller` may not write what it can see, in the words the answer uses. */
export function forbiddenFor(caller: Caller): Refusal {
	const reason: ForbiddenReason =
		caller.role !== 'authenticated' ? 'sign_in' : caller.appRole === 'editor' ? 'outside_subdistricts' : 'read_only_role';
	return { kind: 'forbidden', reason };
}

/**
 * Runs `fn` in one transaction as `caller` (row-level security decides) and reports how it
 * went: its value, or why it was refused. A refusal, like any error, rolls back everything
 * `fn` wrote. Errors that are not the request's fault (the database unreachable, a bug)
 * are thrown on.
 */
export async function runAs<T>(caller: Caller, db: Database | undefined, fn: (tx: Queryable) => Promise<T>): Promise<Outcome<T>> {
	try {
		return { ok: true, value: await asCaller(db ?? (await getDatabase()), caller, fn) };
	} catch (error) {
		if (error instanceof Refused) return { ok: false, refusal: error.refusal };
		const refusal = refusalFromDatabaseError(error, () => forbiddenFor(caller));
		if (refusal) return { ok: false, refusal };
		throw error;
	}
}
