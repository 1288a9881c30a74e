import { loadAtlas } from '$lib/server/atlas';
import { jsonWithEtag } from '$lib/server/http/etag';
import type { RequestHandler } from './$types';

/**
 * The district's communities and buildings as GeoJSON, for other tools, read as the caller:
 * the public gets published data, which any cache may revalidate with the ETag (a 304 while
 * nothing changed); a signed-in member gets what their role shows, which no cache may keep.
 */
export const GET: RequestHandler = async ({ request, locals }) =>
	jsonWithEtag(request, await loadAtlas(locals.caller), locals.caller.role === 'anon' ? 'no-cache' : 'private, no-store');
