import { checkGeometry } from '$lib/server/geometry/check';
import { answer, jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/**
 * The drawing tools' dry run: { kind: 'boundary' | 'footprint', communityId, buildingId?, shape }
 * → { problems, areaM2, perimeterM }; nothing is written. 400, 403 or 404 as a save would be.
 */
export const POST: RequestHandler = async ({ locals, request }) => answer(await checkGeometry(locals.caller, await jsonBody(request)), locals.lang);
