import { addBuilding } from '$lib/server/geometry/new-building';
import { answer, jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** Adds a building drawn in this community ({ footprint, name, floors, … }): 200 with its id, or 400, 403, 404, 422. */
export const POST: RequestHandler = async ({ params, locals, request }) =>
	answer(await addBuilding(locals.caller, params.id, await jsonBody(request)), locals.lang);
