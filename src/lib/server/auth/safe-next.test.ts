import { describe, expect, it } from 'vitest';
import { loginUrl, safeNext } from './safe-next';

const ORIGIN = 'https://atlas.example.cn';

describe('where sign-in leads', () => {
	it.each([
		['/admin/users', '/admin/users'],
		['/?by=stage&c=370303006001', '/?by=stage&c=370303006001'],
		['/a/../admin/users', '/admin/users']
	])('follows a path on this site: %s', (next, expected) => {
		expect(safeNext(next, ORIGIN)).toBe(expected);
	});

	it.each([
		['https://evil.example/login'],
		['//evil.example/'],
		['/\\evil.example'],
		['javascript:alert(1)'],
		['admin/users'],
		[''],
		[null]
	])('goes to the map instead of %s', (next) => {
		expect(safeNext(next, ORIGIN)).toBe('/');
	});

	it('builds the sign-in address back to a page, with the expiry notice when asked', () => {
		expect(loginUrl(new URL(`${ORIGIN}/admin/users`))).toBe('/login?next=%2Fadmin%2Fusers');
		expect(loginUrl(new URL(`${ORIGIN}/?by=stage`), true)).toBe('/login?next=%2F%3Fby%3Dstage&expired=1');
		expect(loginUrl(new URL(`${ORIGIN}/`), true)).toBe('/login?expired=1');
	});
});
