import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject, test } from 'vitest';
import { ROOT } from '../../../scripts/build';
import { launchChromium } from './browser';

const RESULTS = join(ROOT, 'test-results');
const slug = (name: string) => name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

/** Keeps what a failed test saw: a screenshot and the page's console, in test-results/. */
async function keepEvidence(page: Page, name: string, log: string[]): Promise<void> {
	await mkdir(RESULTS, { recursive: true });
	const base = join(RESULTS, slug(name));
	// Software WebGL can be slow to hand over a frame; a missing screenshot must not hide the failure.
	await page.screenshot({ path: `${base}.png`, timeout: 15_000 }).catch(() => undefined);
	await writeFile(`${base}.log`, `${page.url()}\n${log.join('\n')}\n`);
}

export type PageTest = (name: string, body: (page: Page) => Promise<void>, timeout?: number) => void;

/**
 * One Chromium per test file and a fresh context (cookies, storage, cache) per test, so a
 * language or view remembered by one test never leaks into the next.
 */
export function usePage(): PageTest {
	let browser: Browser | undefined;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});
	return (name, body, timeout) => {
		test(
			name,
			async () => {
				if (!browser) throw new Error('Chromium did not start');
				const context = await browser.newContext({
					baseURL: inject('baseURL'),
					viewport: { width: 1280, height: 800 }
				});
				const page = await context.newPage();
				const log: string[] = [];
				page.on('console', (m) => log.push(`[${m.type()}] ${m.text()}`));
				page.on('pageerror', (e) => log.push(`[pageerror] ${e.message}`));
				try {
					await body(page);
				} catch (error) {
					await keepEvidence(page, name, log);
					throw error;
				} finally {
					await context.close();
				}
			},
			timeout
		);
	};
}
