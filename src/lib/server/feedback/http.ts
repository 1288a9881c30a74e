import { json } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n';
import '$lib/i18n/feedback';
import { translate } from '../i18n';
import type { FeedbackOutcome, FeedbackRefusal } from './outcome';

const HEADERS = { 'cache-control': 'no-store' };

/** The HTTP status of each refusal. */
export function statusOf(refusal: FeedbackRefusal): number {
	switch (refusal.kind) {
		case 'invalid':
			return refusal.rule ? 422 : 400;
		case 'not_found':
			return 404;
		case 'rate_limited':
			return 429;
	}
}

/** Whole minutes to wait, at least one: what the message says. */
export const minutesOf = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** The refusal's message in `lang`. */
export function refusalMessage(refusal: FeedbackRefusal, lang: Locale): string {
	switch (refusal.kind) {
		case 'invalid': {
			const first = Object.values(refusal.fields)[0];
			return first ? translate(lang, first.key, first.values) : translate(lang, 'feedback.error.invalid');
		}
		case 'not_found':
			return translate(lang, 'feedback.error.notFound');
		case 'rate_limited':
			return translate(lang, 'feedback.error.rateLimited', { minutes: minutesOf(refusal.retryAfterS) });
	}
}

/**
 * A submission's outcome as the JSON answer: 201 { id, status: 'pending', message }, or
 * 400 / 422 with field messages (i18n keys) and a message, 404, or 429 with Retry-After.
 */
export function feedbackAnswer(outcome: FeedbackOutcome<{ id: string }>, lang: Locale): Response {
	if (outcome.ok) {
		return json({ id: outcome.value.id, status: 'pending', message: translate(lang, 'feedback.sent') }, { status: 201, headers: HEADERS });
	}
	const { refusal } = outcome;
	const message = refusalMessage(refusal, lang);
	switch (refusal.kind) {
		case 'invalid':
			return json({ error: 'invalid', message, fields: refusal.fields }, { status: statusOf(refusal), headers: HEADERS });
		case 'not_found':
			return json({ error: 'not_found', message }, { status: 404, headers: HEADERS });
		case 'rate_limited':
			return json(
				{ error: 'rate_limited', message, retryAfter: refusal.retryAfterS },
				{ status: 429, headers: { ...HEADERS, 'retry-after': String(refusal.retryAfterS) } }
			);
	}
}
