import { loadAtlas } from '$lib/server/atlas';
import type { PageServerLoad } from './$types';

// The map reads as the request's caller: row-level security decides what it may show (the
// public sees published communities; staff also what they may read, so a planner still
// finds a community it has just withdrawn, to publish it again).
export const load = (async ({ locals }) => ({ atlas: await loadAtlas(locals.caller) })) satisfies PageServerLoad;
