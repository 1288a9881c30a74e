import { fail, type RequestEvent } from '@sveltejs/kit';
import { feedbackFromForm } from '$lib/domain/feedback';
import { clientKey } from './client-key';
import { minutesOf, statusOf } from './http';
import { submitFeedback } from './submit';

/**
 * The form action behind FeedbackSection's form, for any page that shows it: add
 * `export const actions = { feedback: feedbackAction }` to its +page.server.ts. Works with
 * and without JavaScript (the form's enhance only avoids the reload).
 */
export async function feedbackAction(event: RequestEvent) {
	const form = await event.request.formData();
	const outcome = await submitFeedback(event.locals.caller, feedbackFromForm(form), clientKey(event.getClientAddress()));
	if (outcome.ok) return { feedback: { sent: true as const } };
	const { refusal } = outcome;
	const typed = { comment: String(form.get('comment') ?? ''), rating: String(form.get('rating') ?? '') };
	const status = statusOf(refusal);
	if (refusal.kind === 'rate_limited') {
		event.setHeaders({ 'retry-after': String(refusal.retryAfterS) });
		return fail(status, { feedback: { sent: false as const, fields: {}, waitMinutes: minutesOf(refusal.retryAfterS), ...typed } });
	}
	if (refusal.kind === 'not_found') return fail(status, { feedback: { sent: false as const, fields: {}, notFound: true as const, ...typed } });
	return fail(status, { feedback: { sent: false as const, fields: refusal.fields, ...typed } });
}
