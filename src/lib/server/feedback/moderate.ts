import type { FeedbackKind, ModerationDecision } from '$lib/domain/feedback';
import { MODERATION_DECISIONS } from '$lib/domain/feedback';
import type { Caller, Database } from '../db';
import type { Outcome } from '../writes/outcome';
import { isRowId, refuse } from '../writes/outcome';
import { forbiddenFor, runAs } from '../writes/run';

/** A submission waiting for moderation, with its community. */
export interface PendingFeedback {
	id: string;
	communityCode: string;
	communityName: string;
	kind: FeedbackKind;
	rating: number | null;
	comment: string | null;
	submittedOn: string;
}

/** A community with pending feedback the caller sees, for the page's filter. */
export interface PendingCommunity {
	code: string;
	name: string;
	pending: number;
}

/** Whose role moderates at all; row-level security then narrows editors to their own communities. */
export function mayModerate(caller: Caller): boolean {
	return caller.role === 'authenticated' && (caller.appRole === 'planner' || caller.appRole === 'admin' || caller.appRole === 'editor');
}

/**
 * The pending feedback the caller sees, oldest first, of one community (`code`) or all: the
 * bureau and leaders all of it, an editor their own sub-districts' (row-level security).
 */
export async function listPending(
	caller: Caller,
	code: string | null,
	db?: Database
): Promise<Outcome<{ items: PendingFeedback[]; communities: PendingCommunity[] }>> {
	if (caller.role !== 'authenticated') return { ok: false, refusal: forbiddenFor(caller) };
	return runAs(caller, db, async (tx) => {
		const items = await tx.query<PendingFeedback>(
			`select f.id, c.code as "communityCode", c.name as "communityName", f.kind, f.rating, f.comment,
			        f.submitted_on::text as "submittedOn"
			 from public.feedback f join public.communities c on c.id = f.community_id
			 where f.status = 'pending' and ($1::text is null or c.code = $1)
			 order by f.created_at, f.id limit 200`,
			[code]
		);
		const communities = await tx.query<PendingCommunity>(
			`select s.community_code as code, c.name, s.pending
			 from public.feedback_summary s join public.communities c on c.id = s.community_id
			 where s.pending > 0 order by c.code`
		);
		return { items, communities };
	});
}

/**
 * Approves or rejects one pending submission. Refused: not a moderating role (403); none
 * the caller sees (404: an editor does not see another sub-district's pending feedback);
 * already moderated by someone else (400, so a second decision never silently overrides
 * the first).
 */
export async function moderateFeedback(caller: Caller, id: string, decision: string, db?: Database): Promise<Outcome<{ id: string; status: ModerationDecision }>> {
	if (!mayModerate(caller)) return { ok: false, refusal: forbiddenFor(caller) };
	if (!isRowId(id)) return { ok: false, refusal: { kind: 'not_found' } };
	if (!(MODERATION_DECISIONS as readonly string[]).includes(decision)) {
		return { ok: false, refusal: { kind: 'invalid', fields: { status: { key: 'feedback.error.invalid' } } } };
	}
	const status = decision as ModerationDecision;
	return runAs(caller, db, async (tx) => {
		const updated = await tx.query(`update public.feedback set status = $2 where id = $1 and status = 'pending' returning id`, [id, status]);
		if (updated.length) return { id, status };
		const [seen] = await tx.query<{ status: string }>('select status from public.feedback where id = $1', [id]);
		if (!seen) return refuse({ kind: 'not_found' });
		if (seen.status !== 'pending') return refuse({ kind: 'invalid', fields: { _form: { key: 'feedback.moderation.already' } } });
		return refuse(forbiddenFor(caller));
	});
}
