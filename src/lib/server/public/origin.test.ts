import { describe, expect, it } from 'vitest';
import { publicUrl } from './origin';

describe('publicUrl', () => {
	const request = new URL('http://127.0.0.1:3000/c/ZD-2021-01?lang=en');

	it("uses the request's origin when nothing is configured", () => {
		expect(publicUrl('/c/ZD-2021-01', request, {})).toBe('http://127.0.0.1:3000/c/ZD-2021-01');
	});

	it('uses PUBLIC_ORIGIN when set, whatever path it carries', () => {
		expect(publicUrl('/c/ZD-2021-01', request, { PUBLIC_ORIGIN: 'https://gaizao.example.cn/ignored' })).toBe(
			'https://gaizao.example.cn/c/ZD-2021-01'
		);
	});

	it('falls back to the request when PUBLIC_ORIGIN is not a URL', () => {
		expect(publicUrl('/c/X', request, { PUBLIC_ORIGIN: 'gaizao' })).toBe('http://127.0.0.1:3000/c/X');
	});
});
