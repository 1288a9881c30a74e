import { requestedDate } from '$lib/server/history/requested';
import { readPlan } from '$lib/server/plans/read';
import { addPlanItem } from '$lib/server/plans/writes';
import { answer, jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/**
 * The community's plan items, its percentage and how it is weighted, with the caller's rights;
 * `?date=YYYY-MM-DD` as they stood at the end of that day, read-only (400 for no real date).
 */
export const GET: RequestHandler = async ({ params, locals, url }) => {
	const date = requestedDate(url);
	return answer(date.ok ? await readPlan(locals.caller, params.id, undefined, date.value) : date, locals.lang);
};

/** Adds a plan item: 200 with the plan as it now stands, 400, 403 or 404. */
export const POST: RequestHandler = async ({ params, locals, request }) =>
	answer(await addPlanItem(locals.caller, params.id, await jsonBody(request)), locals.lang);
