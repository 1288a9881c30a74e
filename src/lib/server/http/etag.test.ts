import { describe, expect, it } from 'vitest';
import { jsonWithEtag, matchesEtag } from './etag';

describe('a JSON answer with a validator', () => {
	const data = { communities: [{ name: '东风小区' }] };

	it('carries a weak ETag that changes with the data, and no-cache', () => {
		const first = jsonWithEtag(new Request('http://x/api'), data);
		const again = jsonWithEtag(new Request('http://x/api'), data);
		const changed = jsonWithEtag(new Request('http://x/api'), { communities: [] });
		expect(first.headers.get('etag')).toMatch(/^W\/"[\w-]{27}"$/);
		expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
		expect(changed.headers.get('etag')).not.toBe(first.headers.get('etag'));
		expect(first.headers.get('cache-control')).toBe('no-cache');
		expect(first.headers.get('content-type')).toBe('application/json');
	});

	it('answers 304 without a body when the client has it already', async () => {
		const etag = jsonWithEtag(new Request('http://x/api'), data).headers.get('etag') ?? '';
		const revisit = jsonWithEtag(new Request('http://x/api', { headers: { 'if-none-match': `"other", ${etag}` } }), data);
		expect(revisit.status).toBe(304);
		expect(revisit.body).toBeNull();
		expect(revisit.headers.get('etag')).toBe(etag);
	});

	it.each([
		[null, 'W/"a"', false],
		['W/"a"', 'W/"a"', true],
		['"a"', 'W/"a"', true],
		['"b", W/"a"', 'W/"a"', true],
		['*', 'W/"a"', true],
		['"b"', 'W/"a"', false]
	])('If-None-Match %s against %s: %s', (header, etag, expected) => {
		expect(matchesEtag(header, etag)).toBe(expected);
	});
});
