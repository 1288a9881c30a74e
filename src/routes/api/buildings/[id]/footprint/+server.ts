import { readBuildingFootprint, saveBuildingFootprint } from '$lib/server/geometry/footprint';
import { answer, jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** The footprint as GeoJSON, with version and rights. */
export const GET: RequestHandler = async ({ params, locals }) => answer(await readBuildingFootprint(locals.caller, params.id), locals.lang);

/** Saves { version, seen, values: { footprint } }: 200, 400, 403, 404, 409, or 422 with every reason the shape is refused. */
export const PUT: RequestHandler = async ({ params, locals, request }) =>
	answer(await saveBuildingFootprint(locals.caller, params.id, await jsonBody(request)), locals.lang);
