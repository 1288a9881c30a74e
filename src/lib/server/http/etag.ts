import etag from 'etag';
import fresh from 'fresh';

/**
 * A JSON response with a validator, so a client that has the same data already gets a
 * bodiless 304. The tag is a hash of the body (jshttp's etag): it changes exactly when the
 * data does, whoever changed it. Whether the client's copy is fresh is decided by jshttp's
 * fresh, as Express does it (If-None-Match, weak comparison, a request's no-cache).
 */
export function jsonWithEtag(request: Request, data: unknown, cacheControl = 'no-cache'): Response {
	const body = JSON.stringify(data);
	const headers = { etag: etag(body, { weak: true }), 'cache-control': cacheControl };
	const requestHeaders = {
		'if-none-match': request.headers.get('if-none-match') ?? undefined,
		'cache-control': request.headers.get('cache-control') ?? undefined
	};
	if (fresh(requestHeaders, headers)) return new Response(null, { status: 304, headers });
	return new Response(body, { headers: { ...headers, 'content-type': 'application/json' } });
}
