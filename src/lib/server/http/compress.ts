import Negotiator from 'negotiator';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

/** Text worth compressing: pages, data, scripts and styles SvelteKit renders itself. */
const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|javascript|xml)|image\/svg\+xml)/;
/** Below this a compressed body saves less than its headers cost. */
const MIN_BYTES = 1024;
// Quality 5 keeps brotli fast enough for bodies built per request (11 is for files built once).
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;

/** Adds `field` to the Vary header, once. */
export function addVary(headers: Headers, field: string): void {
	const current = headers.get('vary');
	const fields = current ? current.split(',').map((f) => f.trim().toLowerCase()) : [];
	if (fields.includes('*') || fields.includes(field.toLowerCase())) return;
	headers.set('vary', current ? `${current}, ${field}` : field);
}

/** The content coding the client prefers among brotli and gzip (brotli on a tie: smaller), if it accepts either. */
export function chooseEncoding(acceptEncoding: string | null): 'br' | 'gzip' | null {
	// Without the header a client accepts only the identity coding (curl, many scripts).
	if (!acceptEncoding) return null;
	const best = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }).encoding(['br', 'gzip'], { preferred: ['br', 'gzip'] });
	return best === 'br' || best === 'gzip' ? best : null;
}

/**
 * Compresses a response that SvelteKit rendered (HTML pages, JSON endpoints) with brotli or
 * gzip, as the request accepts, while it streams. adapter-node compresses only the static
 * files it serves; everything else left the server uncompressed.
 */
export function compressResponse(request: Request, response: Response): Response {
	const type = response.headers.get('content-type') ?? '';
	if (!response.body || request.method === 'HEAD' || !COMPRESSIBLE.test(type) || response.headers.has('content-encoding')) {
		return response;
	}
	const headers = new Headers(response.headers);
	addVary(headers, 'Accept-Encoding');
	const length = Number(headers.get('content-length') ?? Infinity);
	const encoding = length >= MIN_BYTES ? chooseEncoding(request.headers.get('accept-encoding')) : null;
	if (!encoding) return new Response(response.body, { status: response.status, statusText: response.statusText, headers });

	const compressor =
		encoding === 'br'
			? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } })
			: createGzip({ level: GZIP_LEVEL });
	headers.set('content-encoding', encoding);
	headers.delete('content-length');
	// A strong validator names exact bytes, which differ once compressed; a weak one still matches.
	const etag = headers.get('etag');
	if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
	const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>).pipe(compressor);
	return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status: response.status, statusText: response.statusText, headers });
}
