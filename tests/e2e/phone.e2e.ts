import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { bbox } from '@turf/turf';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Atlas } from '../../src/lib/domain/types';
import { fetchAtlas, pointsInside } from './harness/atlas';
import { launchChromium } from './harness/browser';
import { clickablePoint, mapIdle, openAtlas } from './harness/map';

// The map page for a resident on a phone and for someone without a mouse: the detail panel
// is a bottom sheet that leaves the selected community in view, everything one taps is a
// finger wide, a list of communities stands in for tapping dots, and the keyboard alone
// reaches and selects a community on a desk too.

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESK: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };
/** WCAG 2.5.5's target size, and what Apple's and Google's guidelines ask for. */
const FINGER = 44;

interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

describe('the map page on a phone and by keyboard', () => {
	let browser: Browser;
	let atlas: Atlas;
	let axeSource: string;

	beforeAll(async () => {
		browser = await launchChromium();
		atlas = await fetchAtlas(inject('baseURL'));
		axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
	});
	afterAll(async () => {
		await browser?.close();
	});

	/** A fresh context; CSP bypassed only so axe-core's source can be injected. */
	async function open(options: BrowserContextOptions): Promise<Page> {
		const context = await browser.newContext({ baseURL: inject('baseURL'), bypassCSP: true, ...options });
		return context.newPage();
	}

	const sel = (page: Page) => new URL(page.url()).searchParams.get('sel');

	const entries = (page: Page) => page.locator('[data-testid=community-list] button[data-code]');

	/** Opens the list (its code loads then) and waits for its entries. */
	async function openList(page: Page) {
		await page.getByTestId('list-toggle').tap();
		await entries(page).first().waitFor();
	}

	/** Chooses the community at `index` of the open list by a tap; returns its code. */
	async function pickFromList(page: Page, index: number): Promise<string> {
		const entry = page.locator('[data-testid=community-list] button[data-code]').nth(index);
		await entry.waitFor();
		const code = await entry.getAttribute('data-code');
		if (!code) throw new Error('a list entry without data-code');
		await entry.tap();
		await expect.poll(() => sel(page)).toBe(`community:${code}`);
		return code;
	}

	/**
	 * Where the centre of community `code`'s bounds is on the page once the camera is still,
	 * with the map's box and the sheet's top edge; null while the map still moves.
	 */
	function whereIs(page: Page, code: string) {
		const feature = atlas.communities.features.find((f) => f.properties.code === code);
		if (!feature) throw new Error(`${code} is not in the atlas`);
		const [west, south, east, north] = bbox(feature);
		const centre: [number, number] = [(west + east) / 2, (south + north) / 2];
		return page.evaluate((centre) => {
			const map = (window as Window & { __map?: MapLibreMap }).__map;
			if (!map) throw new Error('window.__map is not set');
			if (map.isMoving()) return null;
			const box = map.getCanvas().getBoundingClientRect();
			const p = map.project(centre);
			const sheet = document.querySelector('[data-testid=detail-sheet]')?.getBoundingClientRect();
			return { x: box.left + p.x, y: box.top + p.y, map: { top: box.top, bottom: box.bottom, left: box.left, right: box.right }, sheetTop: sheet?.top ?? null };
		}, centre);
	}

	/** Polls until the selected community's centre is in the map's part of the screen above the sheet. */
	async function expectInViewAboveSheet(page: Page, code: string) {
		await expect
			.poll(
				async () => {
					const at = await whereIs(page, code);
					if (!at || at.sheetTop === null) return at;
					return {
						aboveSheet: at.y < at.sheetTop,
						inMap: at.y > at.map.top && at.x > at.map.left && at.x < at.map.right
					};
				},
				{ timeout: 20_000 }
			)
			.toEqual({ aboveSheet: true, inMap: true });
	}

	it('selects a community from the list; the sheet opens and the community stays in view above it', async () => {
		const page = await open(PHONE);
		await openAtlas(page);
		// The last of the list: wherever it lies, the camera must bring it above the sheet.
		await openList(page);
		const count = await entries(page).count();
		expect(count).toBeGreaterThan(5);
		const code = await pickFromList(page, count - 1);
		const name = atlas.communities.features.find((f) => f.properties.code === code)?.properties.name ?? '';

		const panel = page.getByTestId('detail-panel');
		await expect.poll(() => panel.innerText()).toContain(name);
		const sheet = page.getByTestId('detail-sheet');
		expect(await sheet.getAttribute('data-sheet')).toBe('half');
		// A bottom sheet: across the screen, down to its bottom edge, half of it high.
		const box = (await sheet.boundingBox()) as Box;
		expect(box.width).toBe(390);
		expect(box.y + box.height).toBeCloseTo(844, 0);
		expect(box.height).toBeGreaterThan(844 * 0.4);
		expect(box.height).toBeLessThan(844 * 0.6);
		await expectInViewAboveSheet(page, code);

		// Collapsed to its heading, then the map is freer; the community stays above it.
		await page.locator('[data-testid=sheet-handle] button[data-height=peek]').tap();
		await expect.poll(async () => ((await sheet.boundingBox()) as Box).height).toBeLessThan(200);
		await expect.poll(() => panel.innerText()).toContain(name);
		await expectInViewAboveSheet(page, code);

		// A swipe up on the handle raises it one height.
		const handle = (await page.getByTestId('sheet-handle').boundingBox()) as Box;
		const grip = { x: handle.x + handle.width / 2, y: handle.y + 4 };
		await page.mouse.move(grip.x, grip.y);
		await page.mouse.down();
		await page.mouse.move(grip.x, grip.y - 120, { steps: 5 });
		await page.mouse.up();
		await expect.poll(() => sheet.getAttribute('data-sheet')).toBe('half');

		// Closing empties the selection.
		await page.getByRole('button', { name: '关闭' }).tap();
		await expect.poll(() => sel(page)).toBeNull();
		await page.context().close();
	});

	it('keeps a community tapped low on the map in view above the sheet', async () => {
		const page = await open(PHONE);
		const community = atlas.communities.features[3];
		const { code, id, labelPoint } = community.properties;
		await openAtlas(page, `?c=${labelPoint[0].toFixed(5)},${labelPoint[1].toFixed(5)}&z=16`);
		// Move the community down to the map's lower edge, where the sheet will rise.
		await page.evaluate(() => {
			const map = (window as Window & { __map?: MapLibreMap }).__map;
			if (!map) throw new Error('window.__map is not set');
			map.panBy([0, -map.getCanvas().clientHeight * 0.45], { duration: 0 });
		});
		await mapIdle(page);
		// Where the half-height sheet will cover it, unless the camera moves.
		const before = await whereIs(page, code);
		expect(before?.y).toBeGreaterThan(844 / 2);
		const at = await clickablePoint(page, id, pointsInside(community));
		expect(at, `a spot of ${code} to tap`).not.toBeNull();
		if (!at) return;
		await page.mouse.click(at.x, at.y);
		await expect.poll(() => sel(page)).toBe(`community:${code}`);
		await page.getByTestId('detail-panel').waitFor();
		await expectInViewAboveSheet(page, code);
		await page.context().close();
	});

	it('makes every control a finger wide (44 × 44 px) on a phone', async () => {
		const page = await open(PHONE);
		await openAtlas(page);
		await openList(page);
		await pickFromList(page, 0); // list open and the sheet up: their controls count too
		await page.getByTestId('detail-panel').waitFor();
		const small = await page.evaluate((finger) => {
			const targets = document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])');
			const found: string[] = [];
			for (const el of targets) {
				// A checkbox or radio is operated through its label, which is the target.
				const target = el.matches('input[type=checkbox], input[type=radio]') ? (el.closest('label') ?? el) : el;
				const r = target.getBoundingClientRect();
				if (r.width === 0 && r.height === 0) continue; // not displayed
				// MapLibre's attribution links are inline in a sentence: WCAG 2.5.5's exception.
				if (el.closest('.maplibregl-ctrl-attrib-inner')) continue;
				if (el.matches('canvas')) continue; // the map itself
				if (r.width < finger - 0.5 || r.height < finger - 0.5) {
					const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 20);
					found.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`);
				}
			}
			return found;
		}, FINGER);
		expect(small).toEqual([]);
		await page.context().close();
	});

	async function seriousViolations(page: Page): Promise<string[]> {
		if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
		const violations = await page.evaluate(async () => {
			const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
			return (await axe.run(document, { resultTypes: ['violations'] })).violations;
		});
		return violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	}

	it.each([
		['zh-CN', ''],
		['en', '?lang=en']
	])('has no serious or critical axe-core violations on a phone in %s, list and sheet open', async (lang, query) => {
		const page = await open(PHONE);
		await openAtlas(page, query);
		expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
		expect(await seriousViolations(page)).toEqual([]);
		await openList(page);
		expect(await seriousViolations(page)).toEqual([]);
		await pickFromList(page, 2);
		await page.getByTestId('detail-panel').waitFor();
		expect(await seriousViolations(page)).toEqual([]);
		await page.context().close();
	});

	it('selects a community with the keyboard alone on a desk', async () => {
		const page = await open(DESK);
		await openAtlas(page);
		await page.locator('body').focus();
		const focused = () => page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			return el?.dataset.testid ?? el?.dataset.code ?? el?.tagName ?? null;
		});

		/** Presses Tab until `wanted` says the focused element is reached; at most `limit` times. */
		async function tabTo(wanted: (id: string | null) => boolean, limit = 40) {
			for (let i = 0; i < limit; i++) {
				await page.keyboard.press('Tab');
				if (wanted(await focused())) return;
			}
			throw new Error(`not reached in ${limit} presses of Tab (at ${await focused()})`);
		}

		await tabTo((id) => id === 'list-toggle');
		await page.keyboard.press('Enter');
		await page.getByTestId('community-list').waitFor();
		const codes = new Set(atlas.communities.features.map((f) => f.properties.code));
		await tabTo((id) => id !== null && codes.has(id), 5); // the first entry follows the toggle
		await page.keyboard.press('Tab'); // and the next one is one Tab further
		const code = await focused();
		expect(code && codes.has(code)).toBe(true);
		await page.keyboard.press('Enter');

		await expect.poll(() => sel(page)).toBe(`community:${code}`);
		const name = atlas.communities.features.find((f) => f.properties.code === code)?.properties.name ?? '';
		await expect.poll(() => page.getByTestId('detail-panel').innerText()).toContain(name);
		// On a desk the panel floats at the side: no sheet handle.
		expect(await page.getByTestId('sheet-handle').isVisible()).toBe(false);
		await page.context().close();
	});
});
