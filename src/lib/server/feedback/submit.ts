import { feedbackSchema } from '$lib/domain/feedback';
import { fieldErrors } from '$lib/domain/input';
import { asCaller, getDatabase, type Caller, type Database } from '../db';
import type { FeedbackOutcome, FeedbackRefusal } from './outcome';

function property(error: unknown, name: string): string | undefined {
	if (typeof error !== 'object' || error === null || !(name in error)) return undefined;
	const value = (error as Record<string, unknown>)[name];
	return typeof value === 'string' ? value : undefined;
}

/** The stage rule's refusals (check_feedback_stage), on the field a resident would change. */
const STAGE_RULES: Record<string, string> = {
	feedback_suggestions_closed: 'feedback.error.suggestionsClosed',
	feedback_ratings_not_open: 'feedback.error.ratingsNotOpen'
};

/** What private.submit_feedback's refusals mean (20261203090000_resident_feedback.sql). */
function refusalOf(error: unknown): FeedbackRefusal | undefined {
	const code = property(error, 'code');
	if (code === 'PT429') {
		const seconds = Number(property(error, 'detail'));
		return { kind: 'rate_limited', retryAfterS: Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60 };
	}
	if (code === 'P0002') return { kind: 'not_found' };
	const rule = STAGE_RULES[property(error, 'hint') ?? ''];
	if (code === '55000' && rule) return { kind: 'invalid', rule: true, fields: { kind: { key: rule } } };
	// The schema checks what the table does; these only if the two ever drift apart.
	if (code === '23514' || code?.startsWith('22')) return { kind: 'invalid', fields: { _form: { key: 'feedback.error.invalid' } } };
	return undefined;
}

/**
 * A resident's suggestion or rating, stored as pending: validated here for field messages,
 * then by the database function, which also applies the rate limit per `client` (the key of
 * client-key.ts, never the address). Runs as the caller, who needs no rights but to call it.
 */
export async function submitFeedback(caller: Caller, body: unknown, client: string, db?: Database): Promise<FeedbackOutcome<{ id: string }>> {
	const parsed = feedbackSchema.safeParse(body);
	if (!parsed.success) return { ok: false, refusal: { kind: 'invalid', fields: fieldErrors(parsed.error) } };
	const { community, kind, rating, comment } = parsed.data;
	try {
		const [row] = await asCaller(db ?? (await getDatabase()), caller, (tx) =>
			tx.query<{ id: string }>('select private.submit_feedback($1, $2, $3, $4, $5) as id', [client, community, kind, rating, comment])
		);
		return { ok: true, value: { id: row.id } };
	} catch (error) {
		const refusal = refusalOf(error);
		if (refusal) return { ok: false, refusal };
		throw error;
	}
}
