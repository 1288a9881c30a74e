import { removeBuilding } from '$lib/server/geometry/remove-building';
import { answer, jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** Removes the building if still at { version }: 200, 400, 403, 404 or 409. */
export const DELETE: RequestHandler = async ({ params, locals, request }) =>
	answer(await removeBuilding(locals.caller, params.id, await jsonBody(request)), locals.lang);
