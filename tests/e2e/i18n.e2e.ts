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
	});
});
