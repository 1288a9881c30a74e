import { describe, expect } from 'vitest';
import { usePage } from './harness/fixture';
import { openAtlas } from './harness/map';

describe('language', () => {
	const pageTest = usePage();

	pageTest('starts in Chinese and switches to English', async (page) => {
		await openAtlas(page);
		const badge = page.locator('[data-testid=demo-badge]');
		await expect.poll(() => badge.innerText()).toContain('示例数据');
		expect(await page.locator('body').innerText()).not.toContain('Colour by');

		await page.locator('[data-testid=lang-switch]').click();
		await expect.poll(() => badge.innerText()).toContain('Demo data');
		await expect.poll(() => page.locator('body').innerText()).toContain('Colour by');
	});

	pageTest('opens in English from a link with lang=en', async (page) => {
		await openAtlas(page, '?lang=en');
		await expect.poll(() => page.locator('[data-testid=demo-badge]').innerText()).toContain('Demo data');
		await expect.poll(() => page.locator('[data-testid=legend]').innerText()).toMatch(/[A-Za-z]/);

		// Once the view changes the address no longer carries lang=en; English stays.
		await page.locator('input[name=colorBy][value=stage]').check();
		await expect.poll(() => new URL(page.url()).searchParams.get('by')).toBe('stage');
		expect(new URL(page.url()).searchParams.has('lang')).toBe(false);
		await page.reload();
		await expect.poll(() => page.locator('[data-testid=demo-badge]').innerText()).toContain('Demo data');
	});

	pageTest('remembers a switch back to Chinese over a reload, even after a link with lang=en', async (page) => {
		await openAtlas(page, '?lang=en&by=stage');
		const badge = page.locator('[data-testid=demo-badge]');
		await expect.poll(() => badge.innerText()).toContain('Demo data');

		await page.locator('[data-testid=lang-switch]').click();
		await expect.poll(() => badge.innerText()).toContain('示例数据');
		await expect.poll(() => new URL(page.url()).searchParams.has('lang')).toBe(false);
		expect(new URL(page.url()).searchParams.get('by')).toBe('stage');
		// A later change of view rewrites the address; the old lang=en must stay gone.
		await page.locator('input[name=colorBy][value=year]').check();
		await expect.poll(() => new URL(page.url()).searchParams.has('by')).toBe(false);
		expect(new URL(page.url()).searchParams.has('lang')).toBe(false);

		await page.reload();
		await expect.poll(() => badge.innerText()).toContain('示例数据');
		expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
	});
});
