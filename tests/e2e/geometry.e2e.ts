import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import type { Map as MapLibreMap, GeoJSONSource } from 'maplibre-gl';
import type { Polygon, Position } from 'geojson';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { ROOT } from '../../scripts/build';
import { launchChromium } from './harness/browser';
import { ADMIN, addMember, EDITOR, NEW_COMMUNITY, newPage, signIn, startEditingStage, type EditingStage } from './harness/editing';
import { mapIdle, openAtlas } from './harness/map';

// Redrawing a building on the map, as an editor does it in Chromium (software WebGL): the
// first reshape pushes a corner over the neighbouring building and is refused with the
// reason, the second moves it a few metres clear and is saved and shown.
describe('geometry editing on the map', () => {
	let stage: EditingStage;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	const pages: { page: Page; log: string[] }[] = [];
	let password = '';

	const PANEL = '[data-testid=detail-panel]';
	const TOOLS = `${PANEL} [data-testid=geometry-tools]`;
	// The fixture's first building, 44 m south of the second (harness/editing.ts).
	const FIRST = `${NEW_COMMUNITY.code}-1`;
	const [cx, cy] = NEW_COMMUNITY.centre;
	/** The first building's north-east corner as the fixture drew it (an envelope). */
	const CORNER: Position = [cx + 0.0003, cy - 0.0004 + 0.00006];

	async function pageOf(account: { email: string; password: string }): Promise<Page> {
		const { context, page } = await newPage(browser, stage.app.url);
		contexts.push(context);
		const log: string[] = [];
		page.on('console', (m) => log.push(`[${m.type()}] ${m.text()}`));
		page.on('pageerror', (e) => log.push(`[pageerror] ${e.message}`));
		pages.push({ page, log });
		await signIn(page, account);
		return page;
	}

	const answerTo = (page: Page, method: string, path: string): Promise<Response> =>
		page.waitForResponse((r) => r.request().method() === method && new URL(r.url()).pathname === path);

	/** Where [lng, lat] is on the page. */
	const onScreen = (page: Page, lngLat: Position) =>
		page.evaluate((p) => {
			const map = (window as Window & { __map?: MapLibreMap }).__map!;
			const box = map.getCanvas().getBoundingClientRect();
			const at = map.project(p as [number, number]);
			return { x: box.left + at.x, y: box.top + at.y };
		}, lngLat);

	/** Drags with the mouse from one place on the map to another, in small steps as a hand would. */
	async function drag(page: Page, from: Position, to: Position) {
		const a = await onScreen(page, from);
		const b = await onScreen(page, to);
		await page.mouse.move(a.x, a.y);
		await page.mouse.down();
		await page.mouse.move(b.x, b.y, { steps: 12 });
		await page.mouse.up();
	}

	/** The building's geometry in the map's own source, as drawn now. */
	const drawnFootprint = (page: Page, id: string) =>
		page.evaluate(async (id) => {
			const map = (window as Window & { __map?: MapLibreMap }).__map!;
			const data = (await map.getSource<GeoJSONSource>('buildings')!.getData()) as GeoJSON.FeatureCollection;
			return data.features.find((f) => f.properties?.id === id)?.geometry as Polygon | undefined;
		}, id);

	beforeEach(({ task }) => {
		onTestFailed(async () => {
			const dir = join(ROOT, 'test-results', 'geometry');
			await mkdir(dir, { recursive: true });
			const slug = task.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'test';
			for (const [i, { page, log }] of pages.entries()) {
				await page.screenshot({ path: join(dir, `${slug}-${i}.png`), timeout: 15_000 }).catch(() => undefined);
				await writeFile(join(dir, `${slug}-${i}.log`), `${page.url()}\n${log.join('\n')}\n`);
			}
		});
	});

	beforeAll(async () => {
		stage = await startEditingStage();
		browser = await launchChromium();
		const { page, context } = await newPage(browser, stage.app.url);
		await signIn(page, ADMIN);
		password = await addMember(page, EDITOR);
		await context.close();
	}, 240_000);

	afterAll(async () => {
		for (const context of contexts) await context.close().catch(() => undefined);
		await browser?.close();
		await stage?.stop();
	});

	it('refuses a footprint pushed over the neighbour with the reason, then saves a valid one and shows it', async () => {
		const page = await pageOf({ email: EDITOR.email, password });
		await openAtlas(page, `?sel=building:${FIRST}`);
		const panel = page.locator(PANEL);
		await panel.getByRole('button', { name: '修改楼栋轮廓', exact: true }).click();
		const tools = page.locator(TOOLS);
		// Loaded: the footprint's size is shown (about 53 × 13 m).
		await expect.poll(() => tools.locator('[data-testid=geometry-area]').innerText(), { timeout: 30_000 }).toMatch(/^\d[\d,]* 平方米$/);
		const [buildingId] = await page.evaluate(async (code) => {
			const map = (window as Window & { __map?: MapLibreMap }).__map!;
			const data = (await map.getSource<GeoJSONSource>('buildings')!.getData()) as GeoJSON.FeatureCollection;
			return data.features.filter((f) => f.properties?.code === code).map((f) => String(f.properties?.id));
		}, FIRST);
		// Close in, right of the panel, so a corner is a good handful of pixels from the next.
		await page.evaluate(
			(center) => (window as Window & { __map?: MapLibreMap }).__map!.jumpTo({ center: center as [number, number], zoom: 18.5, padding: { left: 420, top: 0, right: 0, bottom: 0 } }),
			[cx, cy - 0.0002]
		);
		await mapIdle(page);

		// The corner dragged 44 m north lands on the second building.
		const over: Position = [CORNER[0], CORNER[1] + 0.0004];
		await drag(page, CORNER, over);
		await expect.poll(() => tools.locator('[data-testid=geometry-verdict] [data-problem]').allInnerTexts()).toEqual(['与其他楼栋重叠']);
		let saved = answerTo(page, 'PUT', `/api/buildings/${buildingId}/footprint`);
		await tools.getByRole('button', { name: '保存图形', exact: true }).click();
		const refused = await saved;
		expect(refused.status()).toBe(422);
		expect(await refused.json()).toMatchObject({ error: 'geometry', problems: ['overlaps_building'] });
		expect(await tools.locator('[data-testid=geometry-refusal]').innerText()).toBe('图形未保存：与其他楼栋重叠。');

		// Back to a few metres north of where it was: clear of the neighbour, and saved.
		const clear: Position = [CORNER[0], CORNER[1] + 0.00004];
		await drag(page, over, clear);
		await expect.poll(() => tools.locator('[data-testid=geometry-verdict]').innerText()).toBe('图形符合规则。');
		const area = await tools.locator('[data-testid=geometry-area]').innerText();
		saved = answerTo(page, 'PUT', `/api/buildings/${buildingId}/footprint`);
		await tools.getByRole('button', { name: '保存图形', exact: true }).click();
		const answer = await saved;
		expect(answer.status()).toBe(200);
		const { values } = (await answer.json()) as { values: { footprint: Polygon } };
		await tools.waitFor({ state: 'detached' });
		expect(area).toMatch(/平方米$/);

		// The corner moved north by about 4 m, not by the drag's pixel slop, and nothing else moved.
		const ring = values.footprint.coordinates[0];
		const moved = ring.filter(([x, y]) => Math.abs(x - CORNER[0]) < 0.00002 && y > CORNER[1] + 0.00001);
		expect(moved).toHaveLength(1);
		const kept = [
			[cx - 0.0003, cy - 0.00046],
			[cx - 0.0003, cy - 0.00034],
			[cx + 0.0003, cy - 0.00046]
		].filter(([x, y]) => ring.some(([rx, ry]) => Math.abs(rx - x) < 1e-6 && Math.abs(ry - y) < 1e-6));
		expect(kept).toHaveLength(3);
		// The map draws the saved shape at once, and the reloaded data agree.
		await expect.poll(() => drawnFootprint(page, buildingId)).toEqual(values.footprint);
	}, 180_000);
});
