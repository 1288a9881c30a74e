import { createHash } from 'node:crypto';

/** True when an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	const bare = (tag: string) => tag.trim().replace(/^W\//, '');
	return ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
}

/**
 * A JSON response with a validator, so a client that has the same data already gets a
 * bodiless 304. The tag is a hash of the body: it changes exactly when the data does,
 * whoever changed it.
 */
export function jsonWithEtag(request: Request, data: unknown, cacheControl = 'no-cache'): Response {
	const body = JSON.stringify(data);
	const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
	const headers = { etag, 'cache-control': cacheControl };
	if (matchesEtag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
	return new Response(body, { headers: { ...headers, 'content-type': 'application/json' } });
}
