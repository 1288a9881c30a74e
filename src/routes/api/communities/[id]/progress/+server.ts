import { readProjectProgress, saveProjectProgress } from '$lib/server/projects/progress';
import { answer, jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** The stage and milestone dates of the community's project, with version and rights. */
export const GET: RequestHandler = async ({ params, locals }) => answer(await readProjectProgress(locals.caller, params.id), locals.lang);

/** Saves stage, status date and milestones together: 200, 400, 403, 404 or 409. */
export const PUT: RequestHandler = async ({ params, locals, request }) =>
	answer(await saveProjectProgress(locals.caller, params.id, await jsonBody(request)), locals.lang);
