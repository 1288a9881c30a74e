import type { FeedbackKind, FeedbackSummary, PublishedFeedback } from '$lib/domain/feedback';
import type { Stage } from '$lib/domain/stages';
import { asCaller, getDatabase, type Caller, type Database } from '../db';

/** A published community and what its residents have said, as the public may read it. */
export interface CommunityFeedback {
	community: { id: string; code: string; name: string; stage: Stage | null };
	items: PublishedFeedback[];
	summary: FeedbackSummary;
}

/** The newest approved entries a page shows; the summary counts them all. */
const SHOWN = 50;

/**
 * The approved feedback of the published community `code` with its counts and average
 * satisfaction, or null when there is none such. Through public.published_feedback and
 * public.feedback_summary as the caller: pending and rejected feedback never comes back.
 */
export async function readCommunityFeedback(caller: Caller, code: string, db?: Database): Promise<CommunityFeedback | null> {
	return asCaller(db ?? (await getDatabase()), caller, async (tx) => {
		const [community] = await tx.query<CommunityFeedback['community']>(
			`select c.id, c.code, c.name, p.stage
			 from public.communities c left join public.renovation_projects p on p.community_id = c.id
			 where c.code = $1 and c.published`,
			[code]
		);
		if (!community) return null;
		const items = await tx.query<PublishedFeedback & { kind: FeedbackKind }>(
			`select f.id, f.kind, f.rating, f.comment, f.submitted_on::text as "submittedOn"
			 from public.published_feedback f where f.community_id = $1
			 order by f.submitted_on desc, f.id limit ${SHOWN}`,
			[community.id]
		);
		const [summary] = await tx.query<{ suggestions: number; ratings: number; average: string | null }>(
			`select s.suggestions, s.ratings, s.average_rating::text as average from public.feedback_summary s where s.community_id = $1`,
			[community.id]
		);
		return {
			community,
			items,
			summary: {
				suggestions: summary?.suggestions ?? 0,
				ratings: summary?.ratings ?? 0,
				averageRating: summary?.average == null ? null : Number(summary.average)
			}
		};
	});
}
