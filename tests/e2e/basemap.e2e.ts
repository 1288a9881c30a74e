import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wgs84ToGcj02 } from '../../src/lib/geo/gcj02';
import { lngLatAt, TILE, tileShift, worldPixel } from '../../src/lib/map/gcj02-tiles';
import { launchChromium } from './harness/browser';
import { scratchDatabase, type ScratchDatabase } from './harness/database';
import { mapIdle } from './harness/map';
import { spawnApp, type AppProcess } from './harness/server';

// An online basemap as a deployment configures one, served here from loopback since nothing
// else is reachable: a GCJ-02 streets layer (blue, with a green mark where GCJ-02 puts the
// ground of a known WGS84 point) and a labels layer stacked above it (transparent, a red
// square in each tile's middle). The map must draw both, one over the other; let the streets
// show through the district; and move the GCJ-02 tiles so the mark lands on the WGS84 point.
const STREETS: [number, number, number] = [40, 90, 200];
const LABEL: [number, number, number] = [230, 20, 20];
const MARK: [number, number, number] = [0, 170, 60];
/** A point in Zhangdian, between the communities. */
const POINT: [number, number] = [118.0537, 36.8066];

function png(width: number, height: number, paint: (x: number, y: number) => [number, number, number, number]): Buffer {
	const image = new PNG({ width, height });
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) {
			const i = (y * width + x) * 4;
			[image.data[i], image.data[i + 1], image.data[i + 2], image.data[i + 3]] = paint(x, y);
		}
	return PNG.sync.write(image);
}

/** The streets tile z/x/y of a GCJ-02 service: where the mark's GCJ-02 position falls in it, a 14-px green square. */
function streetsTile(z: number, x: number, y: number): Buffer {
	const [mx, my] = worldPixel(wgs84ToGcj02(POINT), z).map((v, i) => v - (i ? y : x) * TILE);
	return png(TILE, TILE, (u, v) => (Math.abs(u - mx) <= 7 && Math.abs(v - my) <= 7 ? [...MARK, 255] : [...STREETS, 255]));
}

const labelsTile = png(TILE, TILE, (u, v) => (Math.abs(u - 128) <= 10 && Math.abs(v - 128) <= 10 ? [...LABEL, 255] : [0, 0, 0, 0]));

const near = (a: number[], b: number[], tolerance = 40) => a.slice(0, 3).every((v, i) => Math.abs(v - b[i]) <= tolerance);

describe('an online basemap', () => {
	let tiles: Server;
	let requested: string[] = [];
	let database: ScratchDatabase;
	let app: AppProcess;
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		tiles = createServer((request, response) => {
			requested.push(request.url ?? '');
			const match = /^\/(streets|labels)\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(request.url ?? '');
			if (!match) return void response.writeHead(404).end();
			const [z, x, y] = match.slice(2).map(Number);
			// Tile servers that maps may draw from answer cross-origin requests.
			response.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
			response.end(match[1] === 'streets' ? streetsTile(z, x, y) : labelsTile);
		});
		await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
		const origin = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`;
		database = await scratchDatabase();
		app = await spawnApp({
			...database.env,
			PUBLIC_BASEMAP_TILES: `${origin}/streets/{z}/{x}/{y}.png`,
			PUBLIC_BASEMAP_LABELS: `${origin}/labels/{z}/{x}/{y}.png`,
			PUBLIC_BASEMAP_DATUM: 'gcj02',
			PUBLIC_BASEMAP_ATTRIBUTION: '测试底图'
		});
		await app.waitUntilServing();
		browser = await launchChromium();
		page = await (await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 800 } })).newPage();
	}, 240_000);

	afterAll(async () => {
		await browser?.close();
		await app?.stop();
		await database?.dispose();
		await new Promise((resolve) => tiles?.close(resolve));
	});

	/** The colour on screen at a WGS84 position. */
	async function colourAt(position: [number, number]): Promise<number[]> {
		const { x, y } = await page.evaluate((p) => (window as Window & { __map?: MapLibreMap }).__map!.project(p), position);
		const box = (await page.locator('[data-testid=map] canvas').boundingBox())!;
		const shot = PNG.sync.read(await page.screenshot());
		const i = (Math.round(box.y + y) * shot.width + Math.round(box.x + x)) * 4;
		return [...shot.data.subarray(i, i + 4)];
	}

	it('draws the labels layer over the streets layer, each from its own template, through the page’s security policy', async () => {
		requested = [];
		await page.goto(`/?c=${POINT.join(',')}&z=16`);
		await page.waitForFunction(() => performance.getEntriesByName('atlas:map-idle').length > 0, undefined, { timeout: 60_000 });
		await mapIdle(page);
		const zoom = await page.evaluate(() => (window as Window & { __map?: MapLibreMap }).__map!.getZoom());
		// MapLibre's zoom counts 512-px tiles: a 256-px raster source at map zoom 16 is drawn from zoom-17 tiles.
		const z = Math.round(zoom) + 1;
		expect(requested.some((url) => url.startsWith(`/streets/${z}/`)), requested.slice(0, 6).join(' ')).toBe(true);
		expect(requested.some((url) => url.startsWith(`/labels/${z}/`))).toBe(true);
		const order = await page.evaluate(() => (window as Window & { __map?: MapLibreMap }).__map!.getStyle().layers.map((l) => l.id));
		expect(order.indexOf('basemap-0')).toBeLessThan(order.indexOf('basemap-1'));
		expect(order.indexOf('basemap-1')).toBeLessThan(order.indexOf('district-fill'));
		expect(await page.locator('.maplibregl-ctrl-attrib').innerHTML()).toContain('测试底图');
		// A label square in the middle of a tile shows, so the labels are drawn above the opaque
		// streets. The labels are GCJ-02 too: the middle of the label tile two east of the
		// point's shows where the loader moves it, back west by the offset (near the point; the
		// offset changes by under a pixel from one tile to the next, see gcj02-tiles.test.ts).
		const [px, py] = worldPixel(POINT, z);
		const [tx, ty] = [Math.floor(px / TILE) + 2, Math.floor(py / TILE)];
		const [dx, dy] = tileShift(z, tx - 2, ty);
		expect(near(await colourAt(lngLatAt([(tx + 0.5) * TILE - dx, (ty + 0.5) * TILE - dy], z)), LABEL, 60)).toBe(true);
	}, 120_000);

	it('lets the streets show inside the district where no community is drawn', async () => {
		const spot = await page.evaluate(() => {
			const map = (window as Window & { __map?: MapLibreMap }).__map!;
			const { width, height } = map.getCanvas().getBoundingClientRect();
			for (let y = 40; y < height - 40; y += 23)
				for (let x = 40; x < width - 40; x += 23) {
					const canvas = map.getCanvas().getBoundingClientRect();
					// Not under a panel floating over the map.
					if (document.elementFromPoint(canvas.left + x, canvas.top + y) !== map.getCanvas()) continue;
					const hits = map.queryRenderedFeatures([x, y]).map((f) => f.layer.id);
					if (hits.includes('district-fill') && hits.every((id) => id.startsWith('district') || id.startsWith('basemap'))) return map.unproject([x, y]).toArray();
				}
			return null;
		});
		expect(spot).not.toBeNull();
		const colour = await colourAt(spot as [number, number]);
		// The district's paper colour (#f3efe6) at 12 % over the blue streets: still blue.
		expect(colour[2]).toBeGreaterThan(colour[0] + 80);
	}, 60_000);

	it('stops a server configured with Tianditu but no key at start, saying what to set', async () => {
		const wrong = await spawnApp({ PGLITE_DATA_DIR: 'memory://', BASEMAP: 'tianditu' });
		const exit = await wrong.exited;
		expect(exit.code).toBe(1);
		expect(wrong.output()).toMatch(/\[basemap\] BASEMAP=tianditu needs TIANDITU_KEY/);
	}, 120_000);

	it('moves the GCJ-02 tiles onto WGS84: the mark lands on the point, not 500 m east of it', async () => {
		await page.evaluate((p) => (window as Window & { __map?: MapLibreMap }).__map!.jumpTo({ center: p, zoom: 17 }), POINT);
		await mapIdle(page);
		expect(near(await colourAt(POINT), MARK)).toBe(true);
		// Where an unshifted GCJ-02 tile would have put it: plain streets.
		expect(near(await colourAt(wgs84ToGcj02(POINT)), STREETS)).toBe(true);
	}, 60_000);
});
