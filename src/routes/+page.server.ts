import { loadAtlas } from '$lib/server/atlas';
import { requestedAsOf } from '$lib/server/history/requested';
import type { PageServerLoad } from './$types';

// The map reads as the request's caller: row-level security decides what it may show (the
// public sees published communities; staff also what they may read, so a planner still
// finds a community it has just withdrawn, to publish it again). `?date=` shows the district
// as it was then; a date that makes no sense is reported by the page and the present shown.
export const load = (async ({ locals, url }) => ({
	atlas: await loadAtlas(locals.caller, { asOf: requestedAsOf(url) })
})) satisfies PageServerLoad;
