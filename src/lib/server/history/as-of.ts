import type { Queryable } from '../db';

/**
 * The tables and views whose past the database replays from the record: schema `as_of`
 * holds views of the same names (migration 20261128090000_history_as_of.sql). A test checks
 * this list against that schema.
 */
export const HISTORY_BACKED = [
	'communities',
	'buildings',
	'renovation_projects',
	'project_milestones',
	'plan_items',
	'milestone_schedule',
	'community_schedule',
	'plan_progress'
] as const;

const NAMES = new RegExp(`\\bpublic\\.(${HISTORY_BACKED.join('|')})\\b`, 'g');

/** A query as it reads at the moment the transaction's `atlas.as_of` names. */
export const readingThen = (sql: string) => sql.replace(NAMES, 'as_of.$1');

/**
 * Makes `tx` (a transaction as some caller) read the district at `moment` (a timestamptz):
 * every query through the returned handle reads the replayed rows instead of today's, and
 * row-level visibility is what the caller may see of that past. The setting ends with the
 * transaction.
 */
export async function readAsOf(tx: Queryable, moment: string): Promise<Queryable> {
	await tx.query(`select set_config('atlas.as_of', $1, true)`, [moment]);
	return {
		query: (sql, params) => tx.query(readingThen(sql), params),
		exec: (sql) => tx.exec(readingThen(sql))
	};
}
