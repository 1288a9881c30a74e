import { error } from '@sveltejs/kit';
import '$lib/i18n/feedback';
import { feedbackAction } from '$lib/server/feedback/action';
import { readCommunityFeedback } from '$lib/server/feedback/read';
import { translate } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

/** A published community's feedback on a page of its own, until the community page takes it in. */
export const load = (async ({ locals, params }) => {
	const found = await readCommunityFeedback(locals.caller, params.code);
	if (!found) error(404, translate(locals.lang, 'feedback.error.notFound'));
	return found;
}) satisfies PageServerLoad;

export const actions = { feedback: feedbackAction } satisfies Actions;
