import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, inject, test } from 'vitest';
import { usePage } from './harness/fixture';
import { mapIdle, openAtlas } from './harness/map';

interface Raw {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

/** A GET as the bytes on the wire: fetch would decode the body and hide the compression. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<Raw> {
	return new Promise((resolve, reject) => {
		get(url, { headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
			response.on('error', reject);
		}).on('error', reject);
	});
}

describe('what the server sends', () => {
	const baseURL = inject('baseURL');

	test('the map page: compressed, with a Content-Security-Policy and the security headers', async () => {
		const page = await rawGet(`${baseURL}/`, { 'accept-encoding': 'gzip, deflate, br' });
		expect(page.status).toBe(200);
		expect(page.headers['content-encoding']).toBe('br');
		const html = brotliDecompressSync(page.body).toString();
		expect(html).toContain('<html lang="zh-CN">');
		expect(page.body.length, 'bytes on the wire').toBeLessThan(html.length / 4);

		const csp = String(page.headers['content-security-policy']);
		expect(csp).toMatch(/default-src 'self'/);
		expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
		expect(csp).toMatch(/frame-ancestors 'none'/);
		expect(csp).toMatch(/object-src 'none'/);
		const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
		expect(html).toContain(`nonce="${nonce}"`); // SvelteKit's inline start-up script carries it

		expect(page.headers['x-content-type-options']).toBe('nosniff');
		expect(page.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
		expect(page.headers['x-frame-options']).toBe('DENY');
		// Served over plain http here, so no HSTS (it would be ignored, and wrong).
		expect(page.headers['strict-transport-security']).toBeUndefined();
	});

	test('the data endpoint: gzip for a gzip-only client, an ETag, and a 304 on a repeat visit', async () => {
		const first = await rawGet(`${baseURL}/api/atlas`, { 'accept-encoding': 'gzip' });
		expect(first.status).toBe(200);
		expect(first.headers['content-encoding']).toBe('gzip');
		expect(first.headers['vary']).toMatch(/Accept-Encoding/);
		expect(first.headers['cache-control']).toBe('no-cache');
		const json = gunzipSync(first.body).toString();
		expect(JSON.parse(json).communities.features).toHaveLength(22);
		expect(first.body.length).toBeLessThan(json.length / 4);

		const etag = String(first.headers['etag']);
		expect(etag).toMatch(/^W\/"/);
		const again = await rawGet(`${baseURL}/api/atlas`, { 'accept-encoding': 'gzip', 'if-none-match': etag });
		expect(again.status).toBe(304);
		expect(again.body.length).toBe(0);
	});

	test('nothing compressed for a client that did not ask', async () => {
		const plain = await rawGet(`${baseURL}/api/atlas`);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(JSON.parse(plain.body.toString()).buildings.features).toHaveLength(296);
	});
});

describe('the Content-Security-Policy in the browser', () => {
	const pageTest = usePage();

	pageTest('blocks nothing the map needs, in 2D and in 3D', async (page) => {
		const violations: string[] = [];
		await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (e) =>
				(window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`)
			);
		});
		await openAtlas(page, '?z=15');
		await page.locator('input[name=dimension][value="3d"]').check();
		// deck.gl's own canvas beside MapLibre's: its chunk loaded and drew under the policy.
		await expect.poll(() => page.locator('[data-testid=map] canvas').count(), { timeout: 15_000 }).toBe(2);
		await mapIdle(page);
		expect(violations).toEqual([]);
	});
});
