import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { addVary, chooseEncoding, compressResponse } from './compress';

const page = '<!doctype html>' + '<p>老旧小区改造 · renovation</p>'.repeat(400);

function htmlResponse(headers: Record<string, string> = {}): Response {
	return new Response(page, { headers: { 'content-type': 'text/html', ...headers } });
}

describe('choosing a content coding', () => {
	it.each([
		['gzip, deflate, br', 'br'],
		['br;q=0.5, gzip', 'gzip'],
		['gzip', 'gzip'],
		['br', 'br'],
		['identity', null],
		['gzip;q=0, br;q=0', null],
		['*', 'br'],
		[null, null]
	])('Accept-Encoding %s → %s', (header, expected) => {
		expect(chooseEncoding(header)).toBe(expected);
	});
});

describe('compressing a rendered response', () => {
	it('brotli when accepted, and the bytes decode to the page', async () => {
		const request = new Request('http://x/', { headers: { 'accept-encoding': 'gzip, br' } });
		const response = compressResponse(request, htmlResponse());
		expect(response.headers.get('content-encoding')).toBe('br');
		expect(response.headers.get('vary')).toBe('Accept-Encoding');
		const bytes = Buffer.from(await response.arrayBuffer());
		expect(bytes.length).toBeLessThan(Buffer.byteLength(page) / 10);
		expect(brotliDecompressSync(bytes).toString()).toBe(page);
	});

	it('gzip for a client that takes only gzip, weakening a strong ETag', async () => {
		const request = new Request('http://x/', { headers: { 'accept-encoding': 'gzip' } });
		const response = compressResponse(request, htmlResponse({ etag: '"abc"' }));
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(response.headers.get('etag')).toBe('W/"abc"');
		expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(page);
	});

	it('leaves alone what the client cannot take, HEAD requests, images and tiny bodies', async () => {
		const plain = compressResponse(new Request('http://x/'), htmlResponse());
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(plain.headers.get('vary')).toBe('Accept-Encoding');
		expect(await plain.text()).toBe(page);

		const gzip = { 'accept-encoding': 'gzip' };
		const head = compressResponse(new Request('http://x/', { method: 'HEAD', headers: gzip }), htmlResponse());
		expect(head.headers.get('content-encoding')).toBeNull();
		const png = compressResponse(new Request('http://x/', { headers: gzip }), new Response('x'.repeat(5000), { headers: { 'content-type': 'image/png' } }));
		expect(png.headers.get('content-encoding')).toBeNull();
		const tiny = compressResponse(new Request('http://x/', { headers: gzip }), htmlResponse({ 'content-length': '100' }));
		expect(tiny.headers.get('content-encoding')).toBeNull();
	});

	it('adds to an existing Vary once', () => {
		const headers = new Headers({ vary: 'Cookie' });
		addVary(headers, 'Accept-Encoding');
		addVary(headers, 'accept-encoding');
		expect(headers.get('vary')).toBe('Cookie, Accept-Encoding');
	});
});
