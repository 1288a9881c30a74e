import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Position } from 'geojson';
import type { Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build';
import type { CrossSection, DigVerdict } from '../../src/lib/domain/pipe-tools';
import { backends, openSeeded } from '../db/backends';
import { PLANNER } from './harness/editing';
import { mapIdle, openAtlas } from './harness/map';
import { answerTo, StaffSession } from './harness/session';

// The planner's pipeline tools in Chromium: a dig drawn across a water main the demo renewed
// less than ten years ago is not allowed, with the day its moratorium ends; a cross-section
// drawn across pipes lists them and draws each. The public's map has no tools.
describe('the pipeline tools on the map', () => {
	let session: StaffSession;
	/** A renewed water main of the demo (the stage's database is loaded from the same seed). */
	let main: { id: string; renewedOn: string; until: string; mid: Position; across: number };

	const TOOLS = '[data-testid=pipe-tools]';

	/** Where [lng, lat] is on the page. */
	const onScreen = (page: Page, lngLat: Position) =>
		page.evaluate((p) => {
			const map = (window as Window & { __map?: MapLibreMap }).__map!;
			const box = map.getCanvas().getBoundingClientRect();
			const at = map.project(p as [number, number]);
			return { x: box.left + at.x, y: box.top + at.y };
		}, lngLat);

	/** Clicks on the map at [lng, lat]; a pause after, so terra-draw takes each as a single click. */
	async function clickAt(page: Page, lngLat: Position) {
		const at = await onScreen(page, lngLat);
		await page.mouse.move(at.x, at.y, { steps: 4 });
		await page.mouse.click(at.x, at.y);
		await page.waitForTimeout(350);
	}

	/** The point `metres` from the main's middle, square across it (negative: the other side). */
	function beside(metres: number): Position {
		const [x, y] = main.mid;
		const dLat = (metres * Math.cos(main.across)) / 111_320;
		const dLng = (metres * Math.sin(main.across)) / (111_320 * Math.cos((y * Math.PI) / 180));
		return [x + dLng, y + dLat];
	}

	/** The planner's map, framed on the main at street zoom, left of the tools' panel. */
	async function plannerAtMain(): Promise<Page> {
		const page = await session.pageOf(PLANNER);
		await openAtlas(page);
		await page.evaluate(
			(center) =>
				(window as Window & { __map?: MapLibreMap }).__map!.jumpTo({ center: center as [number, number], zoom: 19, padding: { left: 0, top: 0, right: 460, bottom: 0 } }),
			main.mid
		);
		await mapIdle(page);
		return page;
	}

	beforeAll(async () => {
		// The demo data as the app loads it, in a database of the test's own, to find a main:
		// the longest water segment renewed less than ten years before today, as the tools ask.
		// backends[0] is embedded PGlite, whatever DATABASE_URL says.
		const seeded = await openSeeded(backends[0]);
		try {
			const [row] = await seeded.db.query<{ id: string; renewed_on: string; until: string; mid: { coordinates: Position }; along: number }>(
				`select s.id, s.renewed_on::text, (s.renewed_on + interval '10 years')::date::text as until,
				        extensions.st_asgeojson(extensions.st_lineinterpolatepoint(extensions.st_force2d(s.geom), 0.5), 8)::json as mid,
				        extensions.st_azimuth(extensions.st_lineinterpolatepoint(extensions.st_force2d(s.geom), 0.45),
				                              extensions.st_lineinterpolatepoint(extensions.st_force2d(s.geom), 0.55)) as along
				 from public.pipe_segments s
				 where s.pipeline_type = 'water' and s.state = 'renewed' and s.renewed_on > current_date - interval '10 years'
				 order by extensions.st_length(s.geom::extensions.geography) desc, s.id limit 1`
			);
			if (!row) throw new Error('the demo has no water main renewed within ten years');
			main = { id: row.id, renewedOn: row.renewed_on, until: row.until, mid: row.mid.coordinates, across: row.along + Math.PI / 2 };
		} finally {
			await seeded.dispose();
		}
		session = await StaffSession.start('dig-tools', [PLANNER]);
	}, 300_000);

	beforeEach(({ task }) => session.watch(task));

	afterAll(() => session?.close());

	it('tells a planner a trench across a renewed water main is not allowed, until when', async () => {
		const page = await plannerAtMain();
		await page.locator(TOOLS).getByRole('button', { name: '管线工具', exact: true }).click();
		await page.locator(TOOLS).getByRole('tab', { name: '开挖检查' }).waitFor();
		await page.locator(TOOLS).getByRole('button', { name: '画线（沟槽）', exact: true }).click();
		await expect.poll(() => page.locator(TOOLS).innerText()).toContain('双击结束');

		// A trench 16 m long square across the main, finished by clicking its end again.
		const checked = answerTo(page, 'POST', '/api/dig-check');
		await clickAt(page, beside(-8));
		await clickAt(page, beside(8));
		await clickAt(page, beside(8));
		const response = await checked;
		expect(response.status()).toBe(200);
		const verdict = (await response.json()) as DigVerdict;
		const conflict = verdict.conflicts.find((c) => c.segmentId === main.id);
		expect(conflict).toMatchObject({ pipelineType: 'water', renewedOn: main.renewedOn, moratoriumUntil: main.until, blocks: true });

		const shown = page.locator(`${TOOLS} [data-testid=dig-verdict]`);
		await expect.poll(() => shown.innerText()).toContain('不允许：十年内禁止二次开挖');
		await expect.poll(() => shown.innerText()).toContain(`最早可于 ${verdict.allowedFrom} 开挖`);
		const row = page.locator(`${TOOLS} [data-testid=dig-conflicts] tr[data-segment="${main.id}"]`);
		expect(await row.innerText()).toMatch(new RegExp(`给水.*${main.renewedOn}.*${main.until}.*禁止`, 's'));
		// The dig and the segment it may not touch are drawn on the map.
		await mapIdle(page);
		const drawn = await page.evaluate(() => {
			const map = (window as Window & { __map?: MapLibreMap }).__map!;
			return map.queryRenderedFeatures({ layers: ['pipe-tools-segments', 'pipe-tools-drawn'] }).map((f) => `${f.layer.id}:${f.properties.blocks ?? ''}`);
		});
		expect(drawn).toContain('pipe-tools-segments:true');
		expect(drawn).toContain('pipe-tools-drawn:');
		// Drawing selected nothing: no community's panel opened over the map.
		expect(await page.locator('[data-testid=detail-panel]').count()).toBe(0);

		const dir = join(ROOT, 'test-results', 'dig-tools');
		await mkdir(dir, { recursive: true });
		await page.screenshot({ path: join(dir, 'dig-flagged.png'), timeout: 15_000 });

		// Planned for the day the last moratorium ends, the same trench is allowed.
		const again = answerTo(page, 'POST', '/api/dig-check');
		await page.locator(`${TOOLS} input[name=planned_on]`).fill(verdict.allowedFrom!);
		await page.locator(`${TOOLS} input[name=planned_on]`).dispatchEvent('change');
		expect((await again).status()).toBe(200);
		await expect.poll(() => shown.innerText()).toContain('允许开挖');
	});

	it('draws a cross-section of the pipes a line crosses, each in the list and the chart', async () => {
		const page = await plannerAtMain();
		await page.locator(TOOLS).getByRole('button', { name: '管线工具', exact: true }).click();
		const answered = answerTo(page, 'POST', '/api/cross-section');
		await page.locator(TOOLS).getByRole('tab', { name: '横断面' }).click();
		await expect.poll(() => page.locator(TOOLS).innerText()).toContain('再单击终点');
		await clickAt(page, beside(-30));
		await clickAt(page, beside(30));
		const response = await answered;
		expect(response.status()).toBe(200);
		const section = (await response.json()) as CrossSection;
		expect(section.crossings.map((c) => c.segmentId)).toContain(main.id);
		const n = section.crossings.length;
		await expect.poll(() => page.locator(`${TOOLS} [data-testid=section-list] tbody tr`).count()).toBe(n);
		expect(await page.locator(`${TOOLS} [data-testid=section-chart] [data-testid=section-pipe]`).count()).toBe(n);
		expect(await page.locator(`${TOOLS} [data-testid=section-chart] [data-testid=section-pipe][data-type=water]`).count()).toBeGreaterThan(0);
		expect(await page.locator(`${TOOLS} [data-testid=section-summary]`).innerText()).toContain(`穿越管线 ${n} 处`);
		expect(await page.locator('[data-testid=detail-panel]').count()).toBe(0);
		// The section's line stays drawn on the map beside its answer.
		await mapIdle(page);
		const drawn = await page.evaluate(() =>
			(window as Window & { __map?: MapLibreMap }).__map!.queryRenderedFeatures({ layers: ['pipe-tools-drawn'] }).length
		);
		expect(drawn).toBeGreaterThan(0);
		await page.screenshot({ path: join(ROOT, 'test-results', 'dig-tools', 'cross-section.png'), timeout: 15_000 });
	});

	it('offers the public no tools, and its requests are told to sign in', async () => {
		const page = await session.pageOf();
		await openAtlas(page);
		expect(await page.locator(TOOLS).count()).toBe(0);
		const status = await page.evaluate(async (mid) => {
			const response = await fetch('/api/dig-check', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ geometry: { type: 'LineString', coordinates: [mid, [mid[0] + 0.0001, mid[1]]] }, planned_on: '2026-01-01' })
			});
			return response.status;
		}, main.mid);
		expect(status).toBe(401);
	});
});
