import { PUBLIC_CALLER } from '$lib/server/db';
import { loadAtlas } from '$lib/server/atlas';
import { jsonWithEtag } from '$lib/server/http/etag';
import type { RequestHandler } from './$types';

/**
 * The district's published communities and buildings as GeoJSON, for other tools. Public
 * data read as anon; a client that sends back the ETag gets a 304 while nothing changed.
 */
export const GET: RequestHandler = async ({ request }) => jsonWithEtag(request, await loadAtlas(PUBLIC_CALLER));
