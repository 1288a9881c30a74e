import { error } from '@sveltejs/kit';
import { readPublicCommunity } from '$lib/server/public/community';
import { publicUrl } from '$lib/server/public/origin';
import { qrSvg } from '$lib/server/public/qr';
import type { PageServerLoad } from './$types';

/**
 * A community's public page, read as the caller: the public finds only published
 * communities, so one not yet published is a 404 like a code that does not exist.
 */
export const load = (async ({ locals, params, url }) => {
	const outcome = await readPublicCommunity(locals.caller, params.code);
	if (!outcome.ok) error(500);
	if (!outcome.value) error(404, 'not found');
	const pageUrl = publicUrl(`/c/${encodeURIComponent(outcome.value.code)}`, url);
	return {
		community: outcome.value,
		pageUrl,
		previewUrl: publicUrl(`/c/${encodeURIComponent(outcome.value.code)}/preview.svg`, url),
		qr: await qrSvg(pageUrl)
	};
}) satisfies PageServerLoad;
