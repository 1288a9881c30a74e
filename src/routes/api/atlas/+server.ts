import { loadAtlas } from '$lib/server/atlas';
import { requestedDate } from '$lib/server/history/requested';
import { jsonWithEtag } from '$lib/server/http/etag';
import { answer } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/**
 * The district's communities and buildings as GeoJSON, for other tools, read as the caller:
 * the public gets published data, which any cache may revalidate with the ETag (a 304 while
 * nothing changed); a signed-in member gets what their role shows, which no cache may keep.
 * `?date=YYYY-MM-DD` gives the district as it was at the end of that day (400 for no real date).
 */
export const GET: RequestHandler = async ({ request, locals, url }) => {
	const date = requestedDate(url);
	if (!date.ok) return answer(date, locals.lang);
	const atlas = await loadAtlas(locals.caller, { asOf: date.value });
	return jsonWithEtag(request, atlas, locals.caller.role === 'anon' ? 'no-cache' : 'private, no-store');
};
