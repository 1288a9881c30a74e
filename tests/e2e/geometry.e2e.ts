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

// Drawing on the map, as an editor does it in Chromium (software WebGL), with the mouse on
// the map's canvas: a building reshaped (refused over its neighbour, then saved clear of
// it), a new building drawn corner by corner, the community's boundary reshaped (refused
// while it leaves buildings outside, then saved), and a building removed after confirming.
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

	/** Clicks on the map at [lng, lat]; a pause after, so terra-draw takes each as a single click. */
	async function clickAt(page: Page, lngLat: Position) {
		const at = await onScreen(page, lngLat);
		await page.mouse.move(at.x, at.y, { steps: 4 });
		await page.mouse.click(at.x, at.y);
		await page.waitForTimeout(350);
	}

	/** Frames [lng, lat] at `zoom`, clear of the panel on the left, and waits for the drawing. */
	async function lookAt(page: Page, center: Position, zoom: number) {
		await page.evaluate(
			({ center, zoom }) =>
				(window as Window & { __map?: MapLibreMap }).__map!.jumpTo({ center: center as [number, number], zoom, padding: { left: 420, top: 0, right: 0, bottom: 0 } }),
			{ center, zoom }
		);
		await mapIdle(page);
	}

	/** The features of one of the map's own sources, as drawn now. */
	const drawnFeatures = (page: Page, source: 'buildings' | 'communities') =>
		page.evaluate(async (source) => {
			const map = (window as Window & { __map?: MapLibreMap }).__map!;
			const data = (await map.getSource<GeoJSONSource>(source)!.getData()) as GeoJSON.FeatureCollection;
			return data.features.map((f) => ({ id: String(f.properties?.id), code: String(f.properties?.code), geometry: f.geometry }));
		}, source);

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

	it('draws a new building by clicking its corners on the map, and shows it saved', async () => {
		const page = await pageOf({ email: EDITOR.email, password });
		await openAtlas(page, `?sel=community:${NEW_COMMUNITY.code}`);
		const panel = page.locator(PANEL);
		await panel.getByRole('button', { name: '绘制新楼栋', exact: true }).click();
		const tools = page.locator(TOOLS);
		await expect.poll(() => tools.innerText(), { timeout: 30_000 }).toContain('在地图上逐点单击绘制轮廓');
		// East of the fixture's three buildings, inside the community: about 27 × 18 m.
		const corners: Position[] = [
			[cx + 0.0005, cy - 0.00008],
			[cx + 0.0008, cy - 0.00008],
			[cx + 0.0008, cy + 0.00008],
			[cx + 0.0005, cy + 0.00008]
		];
		await lookAt(page, [cx + 0.00065, cy], 18.5);
		for (const corner of corners) await clickAt(page, corner);
		await clickAt(page, corners[0]); // closes the ring
		await expect.poll(() => tools.locator('[data-testid=geometry-verdict]').innerText()).toBe('图形符合规则。');
		expect(await tools.locator('[data-testid=geometry-area]').innerText()).toMatch(/^4\d\d 平方米$/);

		await tools.locator('input[name=name]').fill('4号楼');
		const saved = answerTo(page, 'POST', `/api/communities/${stage.communityId}/buildings`);
		await tools.getByRole('button', { name: '保存图形', exact: true }).click();
		const answer = await saved;
		expect(answer.status()).toBe(200);
		const { id, code } = (await answer.json()) as { id: string; code: string };
		await tools.waitFor({ state: 'detached' });

		// On the map at once and after the data reloaded: the corners clicked, within a pixel's slop.
		await expect.poll(async () => (await drawnFeatures(page, 'buildings')).filter((f) => f.id === id).map((f) => f.code)).toEqual([code]);
		const drawn = (await drawnFeatures(page, 'buildings')).find((f) => f.id === id)?.geometry as Polygon;
		const ring = drawn.coordinates[0];
		expect(ring).toHaveLength(5);
		for (const corner of corners) expect(ring.some(([x, y]) => Math.abs(x - corner[0]) < 0.00001 && Math.abs(y - corner[1]) < 0.00001)).toBe(true);
		const atlas = (await (await page.request.get('/api/atlas')).json()) as { buildings: GeoJSON.FeatureCollection };
		expect(atlas.buildings.features.find((f) => f.properties?.id === id)?.properties).toMatchObject({ name: '4号楼', code });
	}, 180_000);

	it('refuses a boundary that leaves buildings outside with the reason, then saves a larger one and shows it', async () => {
		const page = await pageOf({ email: EDITOR.email, password });
		await openAtlas(page, `?sel=community:${NEW_COMMUNITY.code}`);
		const panel = page.locator(PANEL);
		await panel.getByRole('button', { name: '修改小区边界', exact: true }).click();
		const tools = page.locator(TOOLS);
		await expect.poll(() => tools.locator('[data-testid=geometry-area]').innerText(), { timeout: 30_000 }).toMatch(/平方米$/);
		// The whole community and the corner's new place inside the canvas, right of the panel.
		await lookAt(page, [cx, cy], 17);
		const url = `/api/communities/${stage.communityId}/boundary`;

		// The north-east corner pulled in to the centre cuts the northern buildings off.
		const corner: Position = [cx + 0.001, cy + 0.0008];
		await drag(page, corner, [cx, cy]);
		await expect.poll(() => tools.locator('[data-testid=geometry-verdict] [data-problem]').allInnerTexts()).toContain('有楼栋落在新边界之外');
		let saved = answerTo(page, 'PUT', url);
		await tools.getByRole('button', { name: '保存图形', exact: true }).click();
		const refused = await saved;
		expect(refused.status()).toBe(422);
		expect(((await refused.json()) as { problems: string[] }).problems).toContain('buildings_outside');
		expect(await tools.locator('[data-testid=geometry-refusal]').innerText()).toMatch(/^图形未保存：.*有楼栋落在新边界之外/);
		const before = (await drawnFeatures(page, 'communities')).find((f) => f.id === stage.communityId)?.geometry;

		// Out beyond where it was: every building inside, and saved.
		const wider: Position = [cx + 0.0011, cy + 0.0009];
		await drag(page, [cx, cy], wider);
		await expect.poll(() => tools.locator('[data-testid=geometry-verdict]').innerText()).toBe('图形符合规则。');
		saved = answerTo(page, 'PUT', url);
		await tools.getByRole('button', { name: '保存图形', exact: true }).click();
		const answer = await saved;
		expect(answer.status()).toBe(200);
		const { values } = (await answer.json()) as { values: { boundary: GeoJSON.MultiPolygon } };
		await tools.waitFor({ state: 'detached' });
		const ring = values.boundary.coordinates[0][0];
		expect(ring.filter(([x, y]) => Math.abs(x - wider[0]) < 0.00002 && Math.abs(y - wider[1]) < 0.00002)).toHaveLength(1);
		expect(ring.some(([x, y]) => Math.abs(x - corner[0]) < 1e-6 && Math.abs(y - corner[1]) < 1e-6)).toBe(false);
		await expect.poll(async () => (await drawnFeatures(page, 'communities')).find((f) => f.id === stage.communityId)?.geometry).toEqual(values.boundary);
		expect(values.boundary).not.toEqual(before);
	}, 180_000);

	it('removes a building only after the editor confirms; the map loses it and the record keeps it', async () => {
		const page = await pageOf({ email: EDITOR.email, password });
		const THIRD = `${NEW_COMMUNITY.code}-3`;
		await openAtlas(page, `?sel=building:${THIRD}`);
		const panel = page.locator(PANEL);
		const buildingId = (await drawnFeatures(page, 'buildings')).find((f) => f.code === THIRD)?.id;
		if (!buildingId) throw new Error(`${THIRD} is not on the map`);
		const remove = panel.getByRole('button', { name: '删除楼栋', exact: true });
		const dialog = panel.locator('[data-testid=remove-building]');

		// Asked first; cancelled, nothing happens.
		await remove.click();
		await expect.poll(() => dialog.innerText()).toContain('确定删除楼栋“3号楼”吗？');
		await dialog.getByRole('button', { name: '取消', exact: true }).click();
		await dialog.waitFor({ state: 'detached' });
		expect((await drawnFeatures(page, 'buildings')).some((f) => f.id === buildingId)).toBe(true);

		await remove.click();
		const confirm = dialog.getByRole('button', { name: '确认删除', exact: true });
		await expect.poll(() => confirm.isEnabled()).toBe(true);
		const removed = answerTo(page, 'DELETE', `/api/buildings/${buildingId}`);
		await confirm.click();
		expect((await removed).status()).toBe(200);
		// The panel shows the community, and the map draws the building no more.
		await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(`community:${NEW_COMMUNITY.code}`);
		await expect.poll(async () => (await drawnFeatures(page, 'buildings')).some((f) => f.id === buildingId)).toBe(false);
		await expect.poll(() => panel.innerText()).toContain(NEW_COMMUNITY.name);

		const history = (await (await page.request.get(`/api/communities/${stage.communityId}/history`)).json()) as {
			entries: { actor: { name: string | null } | null; changes: { table: string; rowId: string; action: string }[] }[];
		};
		const entry = history.entries.find((e) => e.changes.some((c) => c.table === 'buildings' && c.rowId === buildingId && c.action === 'delete'));
		expect(entry?.actor?.name).toBe(EDITOR.name);
	}, 180_000);
});
