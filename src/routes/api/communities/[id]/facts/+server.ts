import { readCommunityFacts, saveCommunityFacts } from '$lib/server/communities/facts';
import { answer, jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** The community's facts with their version and the caller's rights: the edit form's start. */
export const GET: RequestHandler = async ({ params, locals }) => answer(await readCommunityFacts(locals.caller, params.id), locals.lang);

/** Saves { version, seen, values }: 200 with the new version, 400, 403, 404 or 409 with what changed. */
export const PUT: RequestHandler = async ({ params, locals, request }) =>
	answer(await saveCommunityFacts(locals.caller, params.id, await jsonBody(request)), locals.lang);
