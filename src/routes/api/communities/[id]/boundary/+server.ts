import { readCommunityBoundary, saveCommunityBoundary } from '$lib/server/geometry/boundary';
import { answer, jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** The boundary as GeoJSON, with version and rights. */
export const GET: RequestHandler = async ({ params, locals }) => answer(await readCommunityBoundary(locals.caller, params.id), locals.lang);

/** Saves { version, seen, values: { boundary } }: 200, 400, 403, 404, 409, or 422 with every reason the shape is refused. */
export const PUT: RequestHandler = async ({ params, locals, request }) =>
	answer(await saveCommunityBoundary(locals.caller, params.id, await jsonBody(request)), locals.lang);
