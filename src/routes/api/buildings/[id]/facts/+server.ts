import { readBuildingFacts, saveBuildingFacts } from '$lib/server/buildings/facts';
import { answer, jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => answer(await readBuildingFacts(locals.caller, params.id), locals.lang);

/** Saves { version, seen, values }: 200, 400, 403, 404 or 409 with what changed. */
export const PUT: RequestHandler = async ({ params, locals, request }) =>
	answer(await saveBuildingFacts(locals.caller, params.id, await jsonBody(request)), locals.lang);
