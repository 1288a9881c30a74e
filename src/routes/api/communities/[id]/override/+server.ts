import { readEligibilityOverride, saveEligibilityOverride } from '$lib/server/schedule/override';
import { answer, jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** The override form: the community's version and the caller's rights. */
export const GET: RequestHandler = async ({ params, locals }) => answer(await readEligibilityOverride(locals.caller, params.id), locals.lang);

/** Records a planner's override with its reason: 200, 400, 403, 404 or 409. */
export const PUT: RequestHandler = async ({ params, locals, request }) =>
	answer(await saveEligibilityOverride(locals.caller, params.id, await jsonBody(request)), locals.lang);
