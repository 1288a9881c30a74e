import { error } from '@sveltejs/kit';
import { readPipes, requestedBbox } from '$lib/server/pipes/read';
import { translate } from '$lib/server/i18n';
import { answer } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/**
 * The pipelines the caller may read as GeoJSON (segments with z at minus the depth, then
 * manholes and valves), optionally only within `?bbox=w,s,e,n` (400 when it makes no sense).
 * Sensitive infrastructure: the public gets 401 and nothing else.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	if (locals.caller.role === 'anon') error(401, translate(locals.lang, 'edit.refused.sign_in'));
	const bbox = requestedBbox(url);
	if (!bbox.ok) return answer(bbox, locals.lang);
	return answer(await readPipes(locals.caller, bbox.value), locals.lang);
};
