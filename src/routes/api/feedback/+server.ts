import { error, json } from '@sveltejs/kit';
import { clientKey } from '$lib/server/feedback/client-key';
import { feedbackAnswer } from '$lib/server/feedback/http';
import { readCommunityFeedback } from '$lib/server/feedback/read';
import { submitFeedback } from '$lib/server/feedback/submit';
import { jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/**
 * A resident's suggestion or rating: { community: code, kind: 'suggestion' | 'rating',
 * rating?: 1–5, comment?: ≤ 500 characters } → 201 (pending until moderated), 400 with field
 * messages, 404, 422 (the stage takes the other kind) or 429 with Retry-After.
 */
export const POST: RequestHandler = async (event) =>
	feedbackAnswer(await submitFeedback(event.locals.caller, await jsonBody(event.request), clientKey(event.getClientAddress())), event.locals.lang);

/** ?community=<code> → its approved feedback, counts and average satisfaction; 404 when not published. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const code = url.searchParams.get('community') ?? '';
	const found = code ? await readCommunityFeedback(locals.caller, code) : null;
	if (!found) error(404, 'no such published community');
	return json(found, { headers: { 'cache-control': 'no-store' } });
};
