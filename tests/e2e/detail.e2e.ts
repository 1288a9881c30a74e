import { pointOnFeature } from '@turf/turf';
import { describe, expect, inject } from 'vitest';
import { fetchAtlas, pointsInside } from './harness/atlas';
import { usePage } from './harness/fixture';
import { clickablePoint, openAtlas, renderedIds } from './harness/map';

describe('the detail panel', () => {
	const pageTest = usePage();

	pageTest('opens on the community clicked on the map', async (page) => {
		const atlas = await fetchAtlas(inject('baseURL'));
		const community = atlas.communities.features[0];
		const { name, code, id } = community.properties;
		// Close in, so the community is large on screen and has room between its buildings.
		const [lng, lat] = pointOnFeature(community).geometry.coordinates;
		await openAtlas(page, `?c=${lng.toFixed(5)},${lat.toFixed(5)}&z=16`);

		const at = await clickablePoint(page, id, pointsInside(community));
		expect(at, `a clickable spot inside ${code} off its buildings`).not.toBeNull();
		if (!at) return;
		await page.mouse.click(at.x, at.y);

		const panel = page.locator('[data-testid=detail-panel]');
		await expect.poll(() => panel.isVisible()).toBe(true);
		await expect.poll(() => panel.innerText()).toContain(name);
		await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(`community:${code}`);
	});

	pageTest('opens from a shared link with sel=', async (page) => {
		const atlas = await fetchAtlas(inject('baseURL'));
		const { name, code } = atlas.communities.features[atlas.communities.features.length - 1].properties;
		await openAtlas(page, `?sel=community:${code}`);
		await expect.poll(() => page.locator('[data-testid=detail-panel]').innerText()).toContain(name);
	});

	pageTest('opens a shared building link on that building, framed', async (page) => {
		const atlas = await fetchAtlas(inject('baseURL'));
		const building = atlas.buildings.features[20].properties;
		await openAtlas(page, `?sel=building:${building.code}`);
		await expect.poll(() => page.locator('[data-testid=detail-panel]').innerText()).toContain(building.name);
		// The map flies from the district view to the building's community.
		await expect.poll(() => renderedIds(page, 'buildings-fill').then((ids) => ids.includes(building.id)), { timeout: 15_000 }).toBe(true);
	});
});
