import { removePlanItem, savePlanItem } from '$lib/server/plans/writes';
import { answer, jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** Changes a plan item ({ version, seen, values }): 200 with the plan, 400, 403, 404 or 409. */
export const PUT: RequestHandler = async ({ params, locals, request }) =>
	answer(await savePlanItem(locals.caller, params.id, await jsonBody(request)), locals.lang);

/** Removes a plan item ({ version, seen }): 200 with the plan, 400, 403, 404 or 409. */
export const DELETE: RequestHandler = async ({ params, locals, request }) =>
	answer(await removePlanItem(locals.caller, params.id, await jsonBody(request)), locals.lang);
