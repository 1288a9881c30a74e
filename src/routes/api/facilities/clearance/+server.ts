import { clearanceRequest } from '$lib/server/facilities/requests';
import { toolAnswer } from '$lib/server/pipe-tools/http';
import type { RequestHandler } from './$types';

/** Planned structures too close to a pipeline (?community=<uuid>, or all the caller sees): staff only, 401 for the public. */
export const GET: RequestHandler = async ({ locals, url }) => toolAnswer(await clearanceRequest(locals.caller, url.searchParams), locals.lang);
