import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PIPELINE_TYPES, type PipesCollection, type PipeSegmentProps } from '../../src/lib/domain/pipes';
import { ROOT } from '../../scripts/build';
import { PLANNER } from './harness/editing';
import { mapIdle, openAtlas } from './harness/map';
import { StaffSession } from './harness/session';

/** Rendered pipe segments in the viewport, distinct by id, counted per network. */
function renderedPerType(page: Page): Promise<Record<string, number>> {
	return page.evaluate(() => {
		const map = (window as Window & { __map?: MapLibreMap }).__map;
		if (!map) throw new Error('window.__map is not set');
		const layers = ['pipes-existing', 'pipes-to_renew', 'pipes-renewed', 'pipes-abandoned'].filter((id) => map.getLayer(id));
		const ids: Record<string, Set<string>> = {};
		for (const f of layers.length ? map.queryRenderedFeatures({ layers }) : []) (ids[f.properties.type] ??= new Set()).add(f.properties.id);
		return Object.fromEntries(Object.entries(ids).map(([type, set]) => [type, set.size]));
	});
}

/** A screen point on a rendered segment that a click there would hit first, with the segment's attributes. */
function pipeToClick(page: Page): Promise<{ x: number; y: number; props: PipeSegmentProps } | null> {
	return page.evaluate(() => {
		const map = (window as Window & { __map?: MapLibreMap }).__map;
		if (!map) throw new Error('window.__map is not set');
		const layers = ['pipes-existing', 'pipes-to_renew', 'pipes-renewed', 'pipes-abandoned'];
		const canvas = map.getCanvas();
		const box = canvas.getBoundingClientRect();
		for (const f of map.queryRenderedFeatures({ layers })) {
			if (f.geometry.type !== 'LineString') continue;
			const [a, b] = f.geometry.coordinates;
			const p = map.project([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
			if (p.x < 40 || p.y < 40 || p.x > box.width - 40 || p.y > box.height - 40) continue;
			const at = { x: box.left + p.x, y: box.top + p.y };
			if (document.elementFromPoint(at.x, at.y) !== canvas) continue;
			// Alone within a few pixels, so the click's rounding cannot land on a neighbour.
			const near = map.queryRenderedFeatures([[p.x - 5, p.y - 5], [p.x + 5, p.y + 5]], { layers });
			if (near.every((n) => n.properties.id === f.properties.id)) return { ...at, props: f.properties as PipeSegmentProps };
		}
		return null;
	});
}

/**
 * What a screenshot shows: how many distinct colours, and how many pixels of the gas
 * network's magenta (CJJ 61's 粉红, 255,0,255), seen through the underground view's
 * translucent ground. Decoded in the page, which has a PNG decoder.
 */
function pixels(page: Page, png: Buffer): Promise<{ colours: number; magenta: number }> {
	return page.evaluate(async (base64) => {
		// Not through fetch('data:…'): the app's content security policy refuses it.
		const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' });
		const bitmap = await createImageBitmap(blob);
		const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('no 2d context');
		context.drawImage(bitmap, 0, 0);
		const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
		const colours = new Set<number>();
		let magenta = 0;
		for (let i = 0; i < data.length; i += 4) {
			const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
			colours.add((r << 16) | (g << 8) | b);
			if (r > 170 && b > 170 && g < 150) magenta++;
		}
		return { colours: colours.size, magenta };
	}, png.toString('base64'));
}

const settle = (page: Page) => mapIdle(page).catch(() => undefined);

/** Keeps a view for a person to look at (the README's picture is chosen from these). */
async function keep(page: Page, name: string): Promise<Buffer> {
	const png = await page.screenshot();
	const dir = join(ROOT, 'test-results', 'pipes');
	await mkdir(dir, { recursive: true });
	await writeFile(join(dir, name), png);
	return png;
}

// Pipelines in Chromium: staff see them in the CJJ 61 colours, network by network, read a
// segment's attributes and look under the ground; the public sees none and asks for none.
describe('underground pipelines, in the browser', () => {
	let session: StaffSession;
	let collection: PipesCollection;

	beforeAll(async () => {
		session = await StaffSession.start('pipes', [PLANNER]);
	}, 300_000);

	beforeEach(({ task }) => session.watch(task));

	afterAll(() => session?.close());

	it('gives the public no pipeline layer, no panel and no request, even from a link that asks for them', async () => {
		const page = await session.pageOf();
		const asked: string[] = [];
		page.on('request', (r) => {
			if (new URL(r.url()).pathname.startsWith('/api/pipes')) asked.push(r.url());
		});
		await openAtlas(page, '?pl=all&ug=1&z=17&c=118.05,36.8');
		await settle(page);
		expect(await page.locator('[data-testid=pipes-panel]').count()).toBe(0);
		const onMap = await page.evaluate(() => {
			const map = (window as Window & { __map?: MapLibreMap }).__map;
			return { source: Boolean(map?.getSource('pipes')), layers: map?.getStyle().layers.filter((l) => l.id.startsWith('pipes')).length };
		});
		expect(onMap).toEqual({ source: false, layers: 0 });
		expect(await page.locator('[data-testid=map] canvas').count()).toBe(1);
		expect(asked).toEqual([]);
		const answer = await page.request.get('/api/pipes');
		expect(answer.status()).toBe(401);
		expect(await answer.text()).not.toContain('LineString');
	});

	it('lets a planner show each network on its own, in a community, and read a segment', async () => {
		const page = await session.pageOf(PLANNER);
		const answer = await page.request.get('/api/pipes');
		expect(answer.status()).toBe(200);
		collection = (await answer.json()) as PipesCollection;
		// A gas service line's first point: every network runs near a building's gas line.
		const gas = collection.features.find((f) => f.properties.feature === 'segment' && f.properties.type === 'gas');
		if (!gas || gas.geometry.type !== 'LineString') throw new Error('the demo should have gas lines');
		const [lng, lat] = gas.geometry.coordinates[0];

		await openAtlas(page, `?c=${lng.toFixed(6)},${lat.toFixed(6)}&z=17`);
		const panel = page.locator('[data-testid=pipes-panel]');
		await panel.getByRole('button', { name: '全部显示' }).click();
		await expect.poll(() => new URL(page.url()).searchParams.get('pl')).toBe('all');
		await expect.poll(async () => Object.keys(await renderedPerType(page)).sort(), { timeout: 30_000 }).toEqual([...PIPELINE_TYPES].sort());
		await settle(page);
		const all = await renderedPerType(page);

		for (const type of PIPELINE_TYPES) {
			const box = panel.locator(`input[name=pipes][value=${type}]`);
			await box.uncheck();
			await expect.poll(() => renderedPerType(page)).toEqual(Object.fromEntries(Object.entries(all).filter(([t]) => t !== type)));
			await box.check();
			await expect.poll(() => renderedPerType(page)).toEqual(all);
		}

		await keep(page, 'pipes-2d.png');
		const target = await pipeToClick(page);
		if (!target) throw new Error('no segment to click in view');
		await page.mouse.click(target.x, target.y);
		await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(`pipe:${target.props.id}`);
		const detail = page.locator('[data-testid=pipe-detail]');
		await expect.poll(() => detail.innerText()).toContain(target.props.owner);
		const text = await detail.innerText();
		expect(text).toContain(target.props.material);
		expect(text).toContain(`${target.props.depth_start_m} m / ${target.props.depth_end_m} m`);
		expect(text).toMatch(/给水|雨水|污水|燃气|热力|电力|通信/);
	});

	it('opens the underground view in deck.gl only then, and tilts level with the ground', async () => {
		const page = await session.pageOf(PLANNER);
		const gas = collection.features.find((f) => f.properties.feature === 'segment' && f.properties.type === 'gas');
		if (!gas || gas.geometry.type !== 'LineString') throw new Error('the demo should have gas lines');
		const [lng, lat] = gas.geometry.coordinates[0];
		await openAtlas(page, `?c=${lng.toFixed(6)},${lat.toFixed(6)}&z=17.5&pl=all`);
		await settle(page);
		expect(await page.locator('[data-testid=map] canvas').count()).toBe(1);
		const flat = await pixels(page, await page.locator('[data-testid=map]').screenshot());

		await page.locator('input[name=underground]').check();
		await expect.poll(() => new URL(page.url()).searchParams.get('ug')).toBe('1');
		await expect.poll(() => page.locator('[data-testid=map] canvas').count(), { timeout: 20_000 }).toBe(2);
		await page.evaluate(([lng, lat]) => (window as Window & { __map?: MapLibreMap }).__map?.jumpTo({ center: [lng, lat], zoom: 17.7, pitch: 58, bearing: -20 }), [lng, lat]);
		// The 2D lines give way to deck.gl's, drawn at depth under a see-through ground.
		await expect
			.poll(async () => (await pixels(page, await page.locator('[data-testid=map]').screenshot())).magenta, { timeout: 30_000 })
			.toBeGreaterThan(100);
		await settle(page);
		await keep(page, 'underground.png');
		const under = await pixels(page, await page.locator('[data-testid=map]').screenshot());
		expect(under.colours).toBeGreaterThan(flat.colours / 4);
		expect(await page.evaluate(() => (window as Window & { __map?: MapLibreMap }).__map?.getStyle().layers.some((l) => l.id === 'pipes-existing'))).toBe(false);

		// Level with the ground (the surface view stops at 70°), looking across at the pipes beneath it.
		await page.evaluate(() => (window as Window & { __map?: MapLibreMap }).__map?.jumpTo({ pitch: 90 }));
		await settle(page);
		expect(await page.evaluate(() => (window as Window & { __map?: MapLibreMap }).__map?.getPitch())).toBe(90);
		await keep(page, 'underground-below.png');
		const below = await pixels(page, await page.locator('[data-testid=map]').screenshot());
		expect(below.colours).toBeGreaterThan(50);

		await page.locator('input[name=underground]').uncheck();
		await expect.poll(() => page.locator('[data-testid=map] canvas').count(), { timeout: 20_000 }).toBe(1);
	});
});
