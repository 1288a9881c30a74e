import { checkDig } from '$lib/server/pipe-tools/dig-check';
import { toolAnswer } from '$lib/server/pipe-tools/http';
import { jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/**
 * The ten-year rule for a proposed dig: { geometry: LineString | Polygon (EPSG:4326), planned_on: 'YYYY-MM-DD' }
 * → { plannedOn, allowed, allowedFrom, conflicts }. Staff only (401 for the public); 400 with field messages.
 */
export const POST: RequestHandler = async ({ locals, request }) => toolAnswer(await checkDig(locals.caller, await jsonBody(request)), locals.lang);
