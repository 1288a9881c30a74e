import { loadAtlas } from '$lib/server/atlas';
import type { PageServerLoad } from './$types';

// Read as the request's caller, so row-level security decides what the map shows: the public
// sees published communities, an editor also its own sub-districts' unpublished ones.
export const load = (async ({ locals }) => ({ atlas: await loadAtlas(locals.caller) })) satisfies PageServerLoad;
