import type { HistoryEntry } from '$lib/domain/history';
import { rightsOver } from '$lib/domain/permissions';
import type { Caller, Database } from '../db';
import { isRowId, refuse, type Outcome } from '../writes/outcome';
import { forbiddenFor, runAs } from '../writes/run';
import { readCommunityRecord } from './changes';

export interface HistoryPage {
	entries: HistoryEntry[];
	/** Pass as `before` for older entries; null when these are the oldest. */
	before: number | null;
}

export const HISTORY_PAGE_SIZE = 30;

/**
 * A community's record as `caller` may read it: 404 when the community is not visible to
 * it, 403 when it is but its record is not (the public; an editor elsewhere; a user without
 * a role). The database's policy on the record decides which entries come back; the check
 * of rights before it only makes "you may not" a plain answer instead of an empty list.
 * An entry groups the rows one transaction changed, however the rows are spread over the
 * community, its buildings, its project and milestones.
 */
export function loadHistory(
	caller: Caller,
	communityId: string,
	options: { before?: number; limit?: number } = {},
	db?: Database
): Promise<Outcome<HistoryPage>> {
	return runAs(caller, db, async (tx) => {
		if (!isRowId(communityId)) return refuse({ kind: 'not_found' });
		const [community] = await tx.query<{ subdistrict_code: string }>(
			`select subdistrict_code from public.communities where id = $1`,
			[communityId]
		);
		if (!community) return refuse({ kind: 'not_found' });
		const actor = caller.role === 'authenticated' ? caller : null;
		if (caller.role !== 'service_role' && !rightsOver(actor, community.subdistrict_code).history) return refuse(forbiddenFor(caller));
		return readCommunityRecord(tx, communityId, { limit: options.limit ?? HISTORY_PAGE_SIZE, before: options.before });
	});
}
