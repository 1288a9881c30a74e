import { readMilestoneReplan, saveMilestoneReplan } from '$lib/server/schedule/replan';
import { answer, jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** The re-plan form: the first pending milestone, the project's version and the caller's rights. */
export const GET: RequestHandler = async ({ params, locals }) => answer(await readMilestoneReplan(locals.caller, params.id), locals.lang);

/** Moves a milestone's planned date with a reason, keeping its baseline: 200, 400, 403, 404 or 409. */
export const PUT: RequestHandler = async ({ params, locals, request }) =>
	answer(await saveMilestoneReplan(locals.caller, params.id, await jsonBody(request)), locals.lang);
