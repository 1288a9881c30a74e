import type { HistoryEntry } from '$lib/domain/history';
import type { Queryable, SqlParam } from '../db/types';
import { groupEntries, type AuditRow } from './group';

const SELECTED = `a.id, a.at, a.transaction_id, a.table_name, a.row_id, a.action, a.actor_id, a.actor_name,
  a.actor_role, a.old_values, a.new_values, b.name as building_name`;
// A building's current name, compared as text: a milestone's row id is not a uuid.
const BUILDING = `left join public.buildings b on a.table_name = 'buildings' and b.id::text = a.row_id`;

/**
 * The record entries of a community's rows matched by `where` (SQL over `a`, with `params`
 * from $3) after the entry `after`, grouped by transaction: what changed since a form loaded.
 * A null community: rows of no community (the catalogue's).
 */
export async function readChanges(
	tx: Queryable,
	filter: { communityId: string | null; after: number; where: string; params: SqlParam[] }
): Promise<HistoryEntry[]> {
	const community = filter.communityId === null ? 'a.community_id is null and $1::uuid is null' : 'a.community_id = $1';
	const rows = await tx.query<AuditRow>(
		`select ${SELECTED} from public.audit_log a ${BUILDING}
		 where ${community} and a.id > $2 and (${filter.where})
		 order by a.id`,
		[filter.communityId, filter.after, ...filter.params]
	);
	return groupEntries(rows);
}

/**
 * The newest `limit` transactions of a community's record (before the entry `before`, for
 * the next page), every row of each: its own, its buildings', its project's and milestones'.
 * `before` in the answer is where the next page starts, or null when there is none.
 */
export async function readCommunityRecord(
	tx: Queryable,
	communityId: string,
	options: { limit: number; before?: number }
): Promise<{ entries: HistoryEntry[]; before: number | null }> {
	const rows = await tx.query<AuditRow>(
		`with recent as (
		   select a.transaction_id from public.audit_log a
		   where a.community_id = $1
		   group by a.transaction_id
		   having $2::int8 is null or max(a.id) < $2::int8
		   order by max(a.id) desc limit $3 + 1)
		 select ${SELECTED} from public.audit_log a ${BUILDING}
		 where a.community_id = $1 and a.transaction_id in (select transaction_id from recent)
		 order by a.id`,
		[communityId, options.before ?? null, options.limit]
	);
	// One transaction more than asked tells whether there is a next page; it is not shown.
	const newestFirst = [...new Set(rows.map((r) => String(r.transaction_id)).reverse())];
	const shown = new Set(newestFirst.slice(0, options.limit));
	const kept = rows.filter((r) => shown.has(String(r.transaction_id)));
	// The next page holds the transactions whose newest entry is older than the oldest shown one's.
	const entries = groupEntries(kept);
	const more = newestFirst.length > options.limit;
	return { entries, before: more && entries.length ? entries[entries.length - 1].id : null };
}
