import { summaryRequest } from '$lib/server/facilities/requests';
import { answer } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** A community's before → after summary (?community=<uuid>), or without it the district's by batch year. */
export const GET: RequestHandler = async ({ locals, url }) => answer(await summaryRequest(locals.caller, url.searchParams), locals.lang);
