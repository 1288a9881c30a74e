import { facilitiesRequest } from '$lib/server/facilities/requests';
import { answer } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** Facilities as GeoJSON, of a community (?community=<uuid>) or a box (?bbox=w,s,e,n, ≤ 0.5° a side); the public sees published communities'. */
export const GET: RequestHandler = async ({ locals, url }) => answer(await facilitiesRequest(locals.caller, url.searchParams), locals.lang);
