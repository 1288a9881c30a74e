import { removeFundingLine, saveFundingLine } from '$lib/server/plans/writes';
import { answer, jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** Changes a funding line ({ version, seen, values }): 200 with the funding, 400, 403, 404 or 409. */
export const PUT: RequestHandler = async ({ params, locals, request }) =>
	answer(await saveFundingLine(locals.caller, params.id, await jsonBody(request)), locals.lang);

/** Removes a funding line ({ version, seen }): 200 with the funding, 400, 403, 404 or 409. */
export const DELETE: RequestHandler = async ({ params, locals, request }) =>
	answer(await removeFundingLine(locals.caller, params.id, await jsonBody(request)), locals.lang);
