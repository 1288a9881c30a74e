import { describe, expect, it } from 'vitest';
import { jsonWithEtag } from './etag';

describe('a JSON answer with a validator', () => {
	const data = { communities: [{ name: '东风小区' }] };
	const get = (headers: Record<string, string> = {}, body: unknown = data) => jsonWithEtag(new Request('http://x/api', { headers }), body);

	it('carries a weak ETag that changes with the data, and no-cache', () => {
		const first = get();
		expect(first.headers.get('etag')).toMatch(/^W\/"/);
		expect(get().headers.get('etag')).toBe(first.headers.get('etag'));
		expect(get({}, { communities: [] }).headers.get('etag')).not.toBe(first.headers.get('etag'));
		expect(first.headers.get('cache-control')).toBe('no-cache');
		expect(first.headers.get('content-type')).toBe('application/json');
	});

	it('answers 304 without a body when the client has it already, among other tags or strong', async () => {
		const etag = get().headers.get('etag') ?? '';
		for (const ifNoneMatch of [etag, `"other", ${etag}`, etag.replace(/^W\//, ''), '*']) {
			const revisit = get({ 'if-none-match': ifNoneMatch });
			expect(revisit.status, ifNoneMatch).toBe(304);
			expect(revisit.body).toBeNull();
			expect(revisit.headers.get('etag')).toBe(etag);
		}
	});

	it('sends the data again for another tag, and for a client that asks not to be served from cache', () => {
		const etag = get().headers.get('etag') ?? '';
		expect(get({ 'if-none-match': 'W/"other"' }).status).toBe(200);
		expect(get({ 'if-none-match': etag, 'cache-control': 'no-cache' }).status).toBe(200);
	});
});
