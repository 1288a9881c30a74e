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

	// The browser has no ICU parser: messages with values are formatted from ASTs made at build
	// time (src/lib/i18n/icu-build.ts). A missing one would show the raw "{params}" and a
	// svelte-i18n warning, in whichever way the dictionary arrived: bundled, switched or sent.
	pageTest('formats messages with values in Chinese, after the switch, and opened in English', async (page) => {
		const warnings: string[] = [];
		page.on('console', (m) => {
			if (/svelte-i18n|not compiled/.test(m.text())) warnings.push(m.text());
		});
		const notice = page.getByRole('status').first();

		await openAtlas(page, '?z=abc');
		await expect.poll(() => notice.innerText()).toMatch(/^链接中的部分参数无效，已忽略：z\b/);
		await page.locator('[data-testid=lang-switch]').click();
		await expect.poll(() => notice.innerText()).toMatch(/^Some link parameters were invalid and ignored: z\b/);

		await openAtlas(page, '?lang=en&z=abc');
		await expect.poll(() => notice.innerText()).toMatch(/^Some link parameters were invalid and ignored: z\b/);
		expect(warnings).toEqual([]);
	});
});
