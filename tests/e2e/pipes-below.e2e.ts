import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PipesCollection } from '../../src/lib/domain/pipes';
import { ROOT } from '../../scripts/build';
import { PLANNER } from './harness/editing';
import { mapIdle, openAtlas } from './harness/map';
import { StaffSession } from './harness/session';

/**
 * Pixels of three networks' CJJ 61 colours in a screenshot: gas magenta (255,0,255), water
 * cyan (0,255,255) and power red (255,0,0), decoded in the page, which has a PNG decoder.
 */
function pipeColours(page: Page, png: Buffer): Promise<{ magenta: number; cyan: number; red: number }> {
	return page.evaluate(async (base64) => {
		// Not through fetch('data:…'): the app's content security policy refuses it.
		const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' });
		const bitmap = await createImageBitmap(blob);
		const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('no 2d context');
		context.drawImage(bitmap, 0, 0);
		const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
		const count = { magenta: 0, cyan: 0, red: 0 };
		for (let i = 0; i < data.length; i += 4) {
			const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
			if (r > 170 && b > 170 && g < 120) count.magenta++;
			else if (g > 170 && b > 170 && r < 90) count.cyan++;
			else if (r > 170 && g < 90 && b < 90) count.red++;
		}
		return count;
	}, png.toString('base64'));
}

const rotationX = async (page: Page) => Number(await page.locator('[data-testid=below-view] .scene').getAttribute('data-rotation-x'));

// The view from below: MapLibre keeps its camera above the ground, so a planner who wants to
// look up at the pipes opens a deck.gl orbit scene of its own, whose camera goes under the ground.
describe('the underground view seen from below, in the browser', () => {
	let session: StaffSession;

	beforeAll(async () => {
		session = await StaffSession.start('pipes-below', [PLANNER]);
	}, 300_000);

	beforeEach(({ task }) => session.watch(task));

	afterAll(() => session?.close());

	it('lets a planner orbit under the ground, see the pipes in their colours, and go back to the map', async () => {
		const page = await session.pageOf(PLANNER);
		const collection = (await (await page.request.get('/api/pipes')).json()) as PipesCollection;
		const gas = collection.features.find((f) => f.properties.feature === 'segment' && f.properties.type === 'gas');
		if (!gas || gas.geometry.type !== 'LineString') throw new Error('the demo should have gas lines');
		// The middle of that community's networks, so the orbit turns around them.
		const points = collection.features.flatMap((f) => (f.properties.community_id === gas.properties.community_id && f.geometry.type === 'LineString' ? f.geometry.coordinates : []));
		const [lng, lat] = [0, 1].map((i) => points.reduce((sum, p) => sum + p[i], 0) / points.length);
		await openAtlas(page, `?c=${lng.toFixed(6)},${lat.toFixed(6)}&z=17.5&pl=all`);
		await mapIdle(page).catch(() => undefined);

		const panel = page.locator('[data-testid=pipes-panel]');
		expect(await panel.getByRole('button', { name: '从地下看' }).count()).toBe(0);
		await panel.locator('input[name=underground]').check();
		await panel.getByRole('button', { name: '从地下看' }).click();

		const view = page.locator('[data-testid=below-view]');
		await expect.poll(() => view.locator('canvas').count(), { timeout: 20_000 }).toBe(1);
		expect(await rotationX(page)).toBeLessThan(0);
		await expect
			.poll(async () => pipeColours(page, await view.screenshot()), { timeout: 30_000 })
			.toMatchObject({ magenta: expect.toSatisfy((n: number) => n > 100), cyan: expect.toSatisfy((n: number) => n > 100), red: expect.toSatisfy((n: number) => n > 100) });

		// Dragging up swings the camera further under the ground; the orbit allows it.
		const start = await rotationX(page);
		const box = await view.boundingBox();
		if (!box) throw new Error('the view has no box');
		const [x, y] = [box.x + box.width / 2, box.y + box.height * 0.7];
		await page.mouse.move(x, y);
		await page.mouse.down();
		for (let step = 1; step <= 10; step++) await page.mouse.move(x, y - step * 12);
		await page.mouse.up();
		await expect.poll(() => rotationX(page)).toBeLessThan(start - 10);
		await page.waitForTimeout(500);
		const png = await view.screenshot();
		const dir = join(ROOT, 'test-results', 'pipes');
		await mkdir(dir, { recursive: true });
		await writeFile(join(dir, 'from-below.png'), png);
		expect((await pipeColours(page, png)).magenta).toBeGreaterThan(100);

		await view.getByRole('button', { name: '返回地图' }).click();
		await expect.poll(() => view.count()).toBe(0);
		expect(new URL(page.url()).searchParams.get('ug')).toBe('1');
	});
});
