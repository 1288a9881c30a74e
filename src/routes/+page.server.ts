import { PUBLIC_CALLER } from '$lib/server/db';
import { loadAtlas } from '$lib/server/atlas';
import type { PageServerLoad } from './$types';

// The public map reads as the anon role: row-level security decides what it may show.
export const load = (async () => ({ atlas: await loadAtlas(PUBLIC_CALLER) })) satisfies PageServerLoad;
