import { json } from '@sveltejs/kit';
import { PUBLIC_CALLER } from '$lib/server/db';
import { loadAtlas } from '$lib/server/atlas';
import type { RequestHandler } from './$types';

/** The district's published communities and buildings as GeoJSON, for other tools. */
export const GET: RequestHandler = async () => json(await loadAtlas(PUBLIC_CALLER));
