import { asCaller, claimsOf, type Caller } from '../../../src/lib/server/db/roles';
import type { Database, Queryable } from '../../../src/lib/server/db/types';
import { SUBDISTRICT, USER } from './fixture';

/**
 * Who the matrix acts as: the callers of the role table, plus two controls that show
 * each probe can succeed at all — service_role (bypasses row-level security, holds the
 * grants) and the owner (migrations and jobs: no row-level security, triggers still fire).
 */
export interface Subject {
	name: SubjectName;
	/** null: the owner's own connection, no role switched. */
	caller: Caller | null;
	/** Claims from outside what Caller can say (a role string the app does not know). */
	claims?: Record<string, unknown>;
}

export const SUBJECT_NAMES = [
	'anon',
	'editorA',
	'editorB',
	'planner',
	'leader',
	'admin',
	'noRole',
	'unknownRole',
	'service',
	'owner'
] as const;
export type SubjectName = (typeof SUBJECT_NAMES)[number];

const noRole: Caller = { role: 'authenticated', userId: USER.noRole, appRole: null, subdistricts: [] };
const unknownRole: Caller = { role: 'authenticated', userId: USER.unknownRole, appRole: null, subdistricts: [] };

export const SUBJECTS: readonly Subject[] = [
	{ name: 'anon', caller: { role: 'anon' } },
	{ name: 'editorA', caller: { role: 'authenticated', userId: USER.editorA, appRole: 'editor', subdistricts: [SUBDISTRICT.A] } },
	{ name: 'editorB', caller: { role: 'authenticated', userId: USER.editorB, appRole: 'editor', subdistricts: [SUBDISTRICT.B] } },
	{ name: 'planner', caller: { role: 'authenticated', userId: USER.planner, appRole: 'planner', subdistricts: [] } },
	{ name: 'leader', caller: { role: 'authenticated', userId: USER.leader, appRole: 'leader', subdistricts: [] } },
	{ name: 'admin', caller: { role: 'authenticated', userId: USER.admin, appRole: 'admin', subdistricts: [] } },
	{ name: 'noRole', caller: noRole },
	// A token minted elsewhere (an older release, a hand-edited Supabase user) may carry a role
	// the app does not know, even with sub-districts: it must count for nothing.
	{
		name: 'unknownRole',
		caller: unknownRole,
		claims: { ...claimsOf(unknownRole), app_metadata: { role: 'superintendent', subdistricts: [SUBDISTRICT.A] } }
	},
	{ name: 'service', caller: { role: 'service_role' } },
	{ name: 'owner', caller: null }
];

export function subject(name: SubjectName): Subject {
	const found = SUBJECTS.find((s) => s.name === name);
	if (!found) throw new Error(`no subject ${name}`);
	return found;
}

/** The Caller of a subject that is one (every subject but the owner). */
export function callerOf(name: Exclude<SubjectName, 'owner'>): Caller {
	const { caller } = subject(name);
	if (!caller) throw new Error(`${name} has no caller`);
	return caller;
}

const ROLLBACK = Symbol('rollback');

/**
 * Runs `fn` as `who` in a transaction that is always rolled back, and returns its result.
 * `setup` runs first in the same transaction with the owner's rights (to drop a policy, say)
 * and is rolled back with the rest.
 */
export async function within<T>(
	db: Database,
	who: Subject,
	fn: (tx: Queryable) => Promise<T>,
	setup?: (tx: Queryable) => Promise<void>
): Promise<T> {
	let result: { value: T } | undefined;
	const body = async (tx: Queryable) => {
		result = { value: await fn(tx) };
		throw ROLLBACK;
	};
	const run =
		who.caller === null
			? db.transaction(async (tx) => {
					await setup?.(tx);
					return body(tx);
				})
			: asCaller(db, who.caller, async (tx) => {
					if (setup && who.caller) {
						// The connection is the owner's: step out of the caller's role and back.
						await tx.query('reset role');
						await setup(tx);
						await tx.query(`select set_config('role', $1, true)`, [who.caller.role]);
					}
					if (who.claims) await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(who.claims)]);
					return body(tx);
				});
	await run.catch((error: unknown) => {
		if (error !== ROLLBACK) throw error;
	});
	if (!result) throw new Error('the transaction ended without a result');
	return result.value;
}
