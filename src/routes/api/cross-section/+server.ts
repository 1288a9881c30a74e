import { crossSection } from '$lib/server/pipe-tools/cross-section';
import { toolAnswer } from '$lib/server/pipe-tools/http';
import { jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/**
 * The pipes a drawn line crosses: { geometry: LineString (EPSG:4326) } → { lengthM, crossings } in order along
 * the line. Staff only (401 for the public); 400 with field messages.
 */
export const POST: RequestHandler = async ({ locals, request }) => toolAnswer(await crossSection(locals.caller, await jsonBody(request)), locals.lang);
