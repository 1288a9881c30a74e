import { pointOnFeature } from '@turf/turf';
import { describe, expect, inject } from 'vitest';
import { fetchAtlas } from './harness/atlas';
import { usePage } from './harness/fixture';
import { openAtlas, renderedIds } from './harness/map';
import { PROGRAMME_TARGET } from './expected';

describe('the map page', () => {
	const pageTest = usePage();

	pageTest('draws every community at the district view', async (page) => {
		const atlas = await fetchAtlas(inject('baseURL'));
		const communityIds = atlas.communities.features.map((f) => f.properties.id).sort();
		await openAtlas(page);

		const communities = await renderedIds(page, 'communities-fill');
		expect(communities).toHaveLength(PROGRAMME_TARGET.communities);
		expect(communities).toEqual(communityIds);
		expect(await renderedIds(page, 'communities-line')).toEqual(communityIds);
	});

	pageTest('draws the buildings of a community when zoomed in', async (page) => {
		const atlas = await fetchAtlas(inject('baseURL'));
		const community = atlas.communities.features[0];
		const own = atlas.buildings.features
			.filter((b) => b.properties.communityId === community.properties.id)
			.map((b) => b.properties.id);
		const known = new Set(atlas.buildings.features.map((b) => b.properties.id));
		expect(own.length).toBeGreaterThan(0);
		// Buildings appear only from street level (the layer has a minimum zoom), so go close.
		const [lng, lat] = pointOnFeature(community).geometry.coordinates;
		await openAtlas(page, `?c=${lng.toFixed(5)},${lat.toFixed(5)}&z=16`);

		const buildings = await renderedIds(page, 'buildings-fill');
		expect(buildings).toEqual(expect.arrayContaining(own));
		expect(buildings.filter((id) => !known.has(id))).toEqual([]);
	});

	pageTest('marks the data as demo data', async (page) => {
		await openAtlas(page);
		await expect.poll(() => page.locator('[data-testid=demo-badge]').innerText()).toContain('示例数据');
	});
});
