import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build';
import { CLEARANCE_DEMO } from '../../supabase/generator/facilities';
import { backends, openSeeded } from '../db/backends';
import { PLANNER } from './harness/editing';
import { mapIdle, openAtlas } from './harness/map';
import { StaffSession } from './harness/session';

// Parking and facilities in Chromium: the demo's 印染厂家属院 (ZD-2022-06) shows its parking
// before → after as the database sums it, its facilities as maki icons at community zoom, and
// to a planner the planned charger the seed put 0.60 m from a gas line, flagged in the panel
// and ringed on the map.
const DEMO = 'ZD-2022-06';
const SECTION = '[data-testid=detail-panel] [data-testid=facilities]';

interface Expected {
	parkingBefore: number;
	parkingAfter: number;
	parkingBuilt: number;
	chargersAfter: number;
	chargerId: string;
}

/** What the facility layers draw in the viewport: [layer, facility id, state] for each feature. */
function drawn(page: Page, layers: string[]): Promise<[string, string, string][]> {
	return page.evaluate((layers) => {
		const map = (window as Window & { __map?: MapLibreMap }).__map;
		if (!map) throw new Error('window.__map is not set');
		const present = layers.filter((id) => map.getLayer(id));
		if (!present.length) return [];
		return map.queryRenderedFeatures({ layers: present }).map((f) => [f.layer.id, String(f.properties.id), String(f.properties.state)] as [string, string, string]);
	}, layers);
}

describe('parking and facilities, in the browser', () => {
	let session: StaffSession;
	let expected: Expected;

	beforeAll(async () => {
		// The figures straight from the database the app serves (a seeded copy): the view's sums.
		const seeded = await openSeeded(backends[backends.length - 1]);
		try {
			const [row] = await seeded.db.query<{ before: number; after: number; built: number; chargers: number; charger: string }>(
				`select s.parking_spaces_before::int as before, s.parking_spaces_after::int as after, s.chargers_after::int as chargers,
				        (select coalesce(sum(f.capacity), 0)::int from public.facilities f
				          where f.community_id = c.id and f.kind = 'parking' and f.state = 'built') as built,
				        (select f.id from public.facilities f where f.community_id = c.id and f.note = $2) as charger
				 from public.facility_summary s join public.communities c on c.id = s.community_id where c.code = $1`,
				[DEMO, CLEARANCE_DEMO.note]
			);
			expected = { parkingBefore: row.before, parkingAfter: row.after, parkingBuilt: row.built, chargersAfter: row.chargers, chargerId: row.charger };
		} finally {
			await seeded.dispose();
		}
		session = await StaffSession.start('facilities', [PLANNER]);
	}, 300_000);

	beforeEach(({ task }) => session.watch(task));

	afterAll(() => session?.close());

	it('shows the public the community’s parking before → after as the database sums it, and the facilities as icons', async () => {
		const page = await session.pageOf();
		await openAtlas(page, `?sel=community:${DEMO}`);
		const parking = page.locator(`${SECTION} tr[data-row=parkingSpaces]`);
		await expect.poll(() => parking.count(), { timeout: 20_000 }).toBe(1);
		expect(Number(await parking.locator('td[data-before]').getAttribute('data-before'))).toBe(expected.parkingBefore);
		expect(Number(await parking.locator('td[data-after]').getAttribute('data-after'))).toBe(expected.parkingAfter);
		expect(Number(await parking.locator('td[data-built]').getAttribute('data-built'))).toBe(expected.parkingBuilt);
		expect(expected.parkingAfter).toBeGreaterThan(expected.parkingBefore);
		const section = await page.locator(SECTION).innerText();
		expect(section).toContain('停车与配套设施');
		expect(section).toMatch(/改造前\s+规划后\s+其中已建成/);
		expect(section).toContain(`机动车停车位（个）\t${expected.parkingBefore}\t→ ${expected.parkingAfter}`);
		// The public reads no pipelines: no clearance check at all.
		expect(section).not.toContain('管线安全距离');

		// At the community's zoom the layer draws maki badges, in their states.
		await expect.poll(() => page.evaluate(() => (window as Window & { __map?: MapLibreMap }).__map!.getZoom())).toBeGreaterThanOrEqual(15);
		await mapIdle(page);
		await expect.poll(async () => (await drawn(page, ['facilities-icons'])).length, { timeout: 20_000 }).toBeGreaterThan(5);
		const icons = await drawn(page, ['facilities-icons']);
		// What ZD-2022-06 had and what it plans: the seed has built none of its facilities yet.
		expect(new Set(icons.map(([, , state]) => state))).toEqual(new Set(['existing', 'planned']));
		expect(await page.evaluate(() => (window as Window & { __map?: MapLibreMap }).__map!.hasImage('facility-charging-station-planned'))).toBe(true);
		expect(await page.locator('[data-testid=facility-legend]').innerText()).toContain('设施图例');
		// No clearance ring for the public.
		expect(await drawn(page, ['facilities-conflict'])).toEqual([]);

		// A click on a badge tells that facility's attributes.
		const target = await page.evaluate(() => {
			const map = (window as Window & { __map?: MapLibreMap }).__map!;
			const canvas = map.getCanvas().getBoundingClientRect();
			const panel = document.querySelector('[data-testid=detail-panel]')?.getBoundingClientRect();
			const legend = document.querySelector('[data-testid=facility-legend]')?.getBoundingClientRect();
			const clear = (x: number, y: number, r?: DOMRect) => !r || x < r.left || x > r.right || y < r.top || y > r.bottom;
			for (const f of map.queryRenderedFeatures({ layers: ['facilities-icons'] })) {
				if (f.geometry.type !== 'Point') continue;
				const p = map.project(f.geometry.coordinates as [number, number]);
				const [x, y] = [canvas.left + p.x, canvas.top + p.y];
				if (clear(x, y, panel) && clear(x, y, legend)) return { x, y, id: String(f.properties.id) };
			}
			return null;
		});
		expect(target).not.toBeNull();
		await page.mouse.click(target!.x, target!.y);
		const popup = page.locator(`.facility-popup[data-facility="${target!.id}"]`);
		await expect.poll(() => popup.count()).toBe(1);
		expect(await popup.innerText()).toMatch(/状态：(原有|规划|已建成)\n规模：\d+/);
		// The popup answers the click: the community stays selected, its panel open.
		await page.waitForTimeout(300);
		expect(new URL(page.url()).searchParams.get('sel')).toBe(`community:${DEMO}`);
		expect(await page.locator('[data-testid=detail-panel]').count()).toBe(1);

		// The district by batch year, opened on demand: the three batches of published communities.
		await page.locator(`${SECTION} [data-testid=facility-district] summary`).click();
		await expect.poll(() => page.locator(`${SECTION} [data-testid=facility-district] tr[data-batch]`).count()).toBe(3);
	});

	it('shows the public the facilities of whatever yard the map is zoomed to, with nothing selected', async () => {
		const page = await session.pageOf();
		// The district first: no facility code or data is fetched there.
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		await openAtlas(page);
		await mapIdle(page);
		expect(requests.filter((url) => url.includes('/api/facilities'))).toEqual([]);
		expect(await page.locator('[data-testid=facility-legend]').count()).toBe(0);
		// Then the user zooms in on the demo community by hand.
		const center = await page.evaluate((code) => {
			const map = (window as Window & { __map?: MapLibreMap }).__map!;
			const [f] = map.querySourceFeatures('communities', { filter: ['==', ['get', 'code'], code] });
			const ring = (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : (f.geometry as GeoJSON.MultiPolygon).coordinates[0][0]) as [number, number][];
			const xs = ring.map(([x]) => x);
			const ys = ring.map(([, y]) => y);
			return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2] as [number, number];
		}, DEMO);
		await page.evaluate((center) => (window as Window & { __map?: MapLibreMap }).__map!.jumpTo({ center, zoom: 16.5 }), center);
		await mapIdle(page);
		await expect.poll(async () => (await drawn(page, ['facilities-icons'])).length, { timeout: 20_000 }).toBeGreaterThan(5);
		expect(new URL(page.url()).searchParams.get('sel')).toBeNull();
		expect(requests.some((url) => url.includes('/api/facilities?bbox='))).toBe(true);
		// Back at the district's scale the layer and its legend go away.
		await page.evaluate(() => (window as Window & { __map?: MapLibreMap }).__map!.jumpTo({ zoom: 12 }));
		await expect.poll(() => page.locator('[data-testid=facility-legend]').count()).toBe(0);
	});

	it('flags for a planner the planned charger too close to the gas line, with distance and clearance, on the map too', async () => {
		const page = await session.pageOf(PLANNER);
		await openAtlas(page, `?sel=community:${DEMO}`);
		const flag = page.locator(`${SECTION} [data-testid=clearance-conflicts] li[data-facility="${expected.chargerId}"]`);
		await expect.poll(() => flag.count(), { timeout: 20_000 }).toBe(1);
		expect(await flag.innerText()).toBe('充电桩 距燃气管线 0.60 m，要求 ≥ 1.0 m（GB 50289-2016 表4.1.9）');
		await mapIdle(page);
		await expect.poll(async () => (await drawn(page, ['facilities-conflict'])).map(([, id]) => id), { timeout: 20_000 }).toContain(expected.chargerId);
		await page.locator('[data-testid=facility-legend] summary').click();
		await page.locator(`${SECTION} [data-testid=clearance-conflicts]`).scrollIntoViewIfNeeded();
		const dir = join(ROOT, 'test-results', 'facilities');
		await mkdir(dir, { recursive: true });
		await page.screenshot({ path: join(dir, 'facilities.png'), timeout: 15_000 });
	});
});
