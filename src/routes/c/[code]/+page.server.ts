import { error } from '@sveltejs/kit';
import { feedbackAction } from '$lib/server/feedback/action';
import { readCommunityFeedback } from '$lib/server/feedback/read';
import { readPublicCommunity } from '$lib/server/public/community';
import { publicUrl } from '$lib/server/public/origin';
import { qrSvg } from '$lib/server/public/qr';
import type { Actions, PageServerLoad } from './$types';

/**
 * A community's public page, read as the caller: the public finds only published
 * communities, so one not yet published is a 404 like a code that does not exist.
 */
export const load = (async ({ locals, params, url }) => {
	const outcome = await readPublicCommunity(locals.caller, params.code);
	if (!outcome.ok) error(500);
	if (!outcome.value) error(404, 'not found');
	const pageUrl = publicUrl(`/c/${encodeURIComponent(outcome.value.code)}`, url);
	// Residents' suggestions and ratings: approved ones only, and the form for the stage.
	const feedback = await readCommunityFeedback(locals.caller, params.code);
	if (!feedback) error(404, 'not found');
	return {
		community: outcome.value,
		feedback,
		pageUrl,
		previewUrl: publicUrl(`/c/${encodeURIComponent(outcome.value.code)}/preview.svg`, url),
		qr: await qrSvg(pageUrl)
	};
}) satisfies PageServerLoad;

/** A resident's suggestion or rating, posted by the page's form (with or without JavaScript). */
export const actions = { feedback: feedbackAction } satisfies Actions;
