import { describe, expect, it } from 'vitest';
import { allowOrigins, securityHeaders, tileOrigins } from './security-headers';

describe('security headers', () => {
	it('sends HSTS only over https', () => {
		expect(securityHeaders(new URL('http://127.0.0.1:5173/'))['strict-transport-security']).toBeUndefined();
		expect(securityHeaders(new URL('https://atlas.example.cn/'))['strict-transport-security']).toMatch(/max-age=31536000/);
		expect(securityHeaders(new URL('http://x/'))).toMatchObject({
			'x-content-type-options': 'nosniff',
			'referrer-policy': 'strict-origin-when-cross-origin'
		});
	});

	it("adds a run-time basemap's tile servers to the page's policy", () => {
		const policy = "default-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'";
		const origins = tileOrigins([
			'https://t0.tianditu.gov.cn/img_w/wmts?SERVICE=WMTS&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY',
			'https://t1.tianditu.gov.cn/img_w/wmts?TILEMATRIX={z}',
			'not a url'
		]);
		expect(origins).toEqual(['https://t0.tianditu.gov.cn', 'https://t1.tianditu.gov.cn']);
		expect(allowOrigins(policy, ['img-src', 'connect-src'], origins)).toBe(
			"default-src 'self'; img-src 'self' data: blob: https://t0.tianditu.gov.cn https://t1.tianditu.gov.cn; " +
				"connect-src 'self' https://t0.tianditu.gov.cn https://t1.tianditu.gov.cn; frame-ancestors 'none'"
		);
		expect(allowOrigins(policy, ['img-src'], [])).toBe(policy);
	});
});
