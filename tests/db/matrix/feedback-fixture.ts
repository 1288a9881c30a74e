import type { Database } from '../../../src/lib/server/db/types';
import { COMMUNITY } from './fixture';

/**
 * Residents' feedback for the matrix, added as the owner after the main fixture (all its
 * projects are in preparation, so every row is a suggestion): an approved and a pending one
 * in the published communities A and B, and an approved one in the unpublished A-draft.
 */
export const FEEDBACK = {
	A: '06000000-0000-4000-8000-00000000000a',
	'A.pending': '06000000-0000-4000-8000-0000000000a1',
	B: '06000000-0000-4000-8000-00000000000b',
	'B.pending': '06000000-0000-4000-8000-0000000000b1',
	'A-draft': '06000000-0000-4000-8000-0000000000ad'
} as const;
export type FeedbackLabel = keyof typeof FEEDBACK;

const COMMUNITY_OF: Record<FeedbackLabel, keyof typeof COMMUNITY> = {
	A: 'A',
	'A.pending': 'A',
	B: 'B',
	'B.pending': 'B',
	'A-draft': 'A-draft'
};

export async function addFeedbackFixture(db: Database): Promise<void> {
	const rows = (Object.keys(FEEDBACK) as FeedbackLabel[]).map((label) => {
		const approved = !label.endsWith('.pending');
		return `('${FEEDBACK[label]}', '${COMMUNITY[COMMUNITY_OF[label]]}', 'suggestion', '矩阵建议${label}', '${approved ? 'approved' : 'pending'}', ${approved ? 'now()' : 'null'})`;
	});
	await db.exec(`insert into public.feedback (id, community_id, kind, comment, status, moderated_at) values ${rows.join(',\n')};`);
}
