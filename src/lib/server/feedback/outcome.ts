import type { FieldErrors } from '$lib/domain/input';

/**
 * Why a resident's submission was refused: bad input (400, or 422 for the stage rule), no
 * such published community (404), or the rate limit (429, with the seconds to wait).
 */
export type FeedbackRefusal =
	| { kind: 'invalid'; fields: FieldErrors; rule?: true }
	| { kind: 'not_found' }
	| { kind: 'rate_limited'; retryAfterS: number };

export type FeedbackOutcome<T> = { ok: true; value: T } | { ok: false; refusal: FeedbackRefusal };
