import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { fetchAtlas } from './harness/atlas';
import { usePage } from './harness/fixture';
import { mapIdle, openAtlas, renderedIds } from './harness/map';

const mapZoom = (page: Page) =>
	page.evaluate(() => (window as Window & { __map?: MapLibreMap }).__map?.getZoom() ?? 0);

/** Script URLs the page has loaded so far. */
const scripts = (page: Page) =>
	page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));

describe('exploring the map', () => {
	const pageTest = usePage();

	pageTest('finds a community by name and flies to it', async (page) => {
		const atlas = await fetchAtlas(inject('baseURL'));
		const { name, code } = atlas.communities.features[3].properties;
		await openAtlas(page);
		const before = await mapZoom(page);

		await page.locator('[data-testid=search]').fill(name.slice(0, 3));
		const option = page.locator('[data-testid=search-results] button', { hasText: name });
		await option.click();

		await expect.poll(() => page.locator('[data-testid=detail-panel]').innerText()).toContain(name);
		await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(`community:${code}`);
		await expect.poll(() => mapZoom(page), { timeout: 10_000 }).toBeGreaterThan(before + 2);
	});

	pageTest('marks late communities among the search results, with their delay in days', async (page) => {
		const atlas = await fetchAtlas(inject('baseURL'));
		const all = atlas.communities.features.map((f) => f.properties);
		// Names no other community's name contains, so each search lists one community.
		const unique = all.filter((c) => all.filter((o) => o.name.includes(c.name)).length === 1);
		const late = unique.find((c) => c.late && c.delayDays !== null);
		const onTime = unique.find((c) => !c.late);
		if (!late || !onTime) throw new Error('the demo data should have late and punctual communities');
		await openAtlas(page);
		const option = (name: string) => page.locator('[data-testid=search-results] button', { hasText: name });

		await page.locator('[data-testid=search]').fill(late.name);
		await expect.poll(() => option(late.name).locator('[data-testid=late-mark]').innerText()).toBe(`滞后 ${late.delayDays} 天`);
		await page.locator('[data-testid=search]').fill(onTime.name);
		await option(onTime.name).waitFor();
		expect(await option(onTime.name).locator('[data-testid=late-mark]').count()).toBe(0);
	});

	pageTest('says so when a search finds nothing', async (page) => {
		await openAtlas(page, '?lang=en');
		await page.locator('[data-testid=search]').fill('不存在的小区');
		await expect.poll(() => page.locator('[data-testid=search-results]').innerText()).toContain('No match');
	});

	pageTest('filters by sub-district and by stage', async (page) => {
		const atlas = await fetchAtlas(inject('baseURL'));
		const sample = atlas.communities.features[0].properties;
		const inSub = atlas.communities.features.filter((f) => f.properties.subdistrictCode === sample.subdistrictCode);
		await openAtlas(page);

		await page.locator('select[data-testid=subdistrict-filter]').selectOption(sample.subdistrictCode);
		await expect.poll(() => new URL(page.url()).searchParams.get('sd')).toBe(sample.subdistrictCode);
		await expect.poll(() => renderedIds(page, 'communities-fill')).toEqual(inSub.map((f) => f.properties.id).sort());

		const stage = sample.stage ?? 'construction';
		await page.locator(`input[name=stage][value=${stage}]`).check();
		const both = inSub.filter((f) => f.properties.stage === stage).map((f) => f.properties.id).sort();
		await expect.poll(() => renderedIds(page, 'communities-fill')).toEqual(both);
		await expect.poll(() => page.locator('[data-testid=totals] [data-period=shown] [data-field=communities]').innerText()).toBe(
			String(both.length)
		);
	});

	pageTest('switches to 3D, loading deck.gl only then, and selects a building there', async (page) => {
		const atlas = await fetchAtlas(inject('baseURL'));
		const building = atlas.buildings.features[10];
		const [lng, lat] = building.geometry.coordinates[0]
			.slice(0, -1)
			.reduce(([x, y], [px, py], _i, ring) => [x + px / ring.length, y + py / ring.length], [0, 0]);
		await openAtlas(page, `?c=${lng.toFixed(6)},${lat.toFixed(6)}&z=17.5`);
		// Chunk names are hashed; what 3D adds is new scripts and deck.gl's own canvas.
		const before2d = await scripts(page);
		expect(await page.locator('[data-testid=map] canvas').count()).toBe(1);

		await page.locator('input[name=dimension][value="3d"]').check();
		await expect.poll(() => new URL(page.url()).searchParams.get('v')).toBe('3d');
		await expect.poll(() => page.locator('[data-testid=map] canvas').count(), { timeout: 15_000 }).toBe(2);
		expect((await scripts(page)).length).toBeGreaterThan(before2d.length);
		await mapIdle(page);

		// The building's centre is on screen at the map's centre; a click there hits its roof.
		const box = await page.locator('[data-testid=map]').boundingBox();
		if (!box) throw new Error('no map box');
		const at = await page.evaluate(
			([x, y]) => (window as Window & { __map?: MapLibreMap }).__map?.project([x, y]),
			[lng, lat]
		);
		if (!at) throw new Error('map not ready');
		await page.mouse.click(box.x + at.x, box.y + at.y);
		await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(`building:${building.properties.code}`);
		await expect.poll(() => page.locator('[data-testid=detail-panel]').innerText()).toContain(building.properties.name);
	});

	pageTest('keeps the good parts of a damaged link and says what it ignored', async (page) => {
		await openAtlas(page, '?lang=en&by=height&y=2021&z=99');
		const notice = page.getByRole('status').first();
		await expect.poll(() => notice.innerText()).toMatch(/ignored: .*\bby\b/);
		expect(await notice.innerText()).toMatch(/ignored: .*\bz\b/);
		expect(await notice.innerText()).not.toMatch(/\by\b,|, y\b/);
		await expect.poll(() => renderedIds(page, 'communities-fill').then((ids) => ids.length)).toBe(8);
	});
});
