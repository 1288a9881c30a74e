import { describe, expect, inject, test } from 'vitest';
import { fetchAtlas } from './harness/atlas';
import { BATCH_TARGETS, PROGRAMME_TARGET } from './expected';

// The harness's own check: the built server starts on a fresh database, migrates and seeds
// it, and serves the page and the data the browser tests rely on.
describe('the built app', () => {
	const baseURL = inject('baseURL');

	test('serves the map page', async () => {
		const response = await fetch(`${baseURL}/`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/text\/html/);
	});

	test('serves the seeded district at /api/atlas', async () => {
		const atlas = await fetchAtlas(baseURL);
		const communities = atlas.communities.features;
		expect(new Set(communities.map((f) => f.properties.id)).size).toBe(PROGRAMME_TARGET.communities);
		expect(atlas.buildings.features).toHaveLength(PROGRAMME_TARGET.buildings);
		for (const [year, target] of Object.entries(BATCH_TARGETS)) {
			expect(communities.filter((f) => f.properties.batchYear === Number(year)), `batch ${year}`).toHaveLength(
				target.communities
			);
		}
		expect(atlas.targets.map((t) => [t.periodStart, t.periodEnd])).toEqual(
			expect.arrayContaining([
				[2020, 2020],
				[2021, 2021],
				[2022, 2022],
				[2020, 2022]
			])
		);
	});
});
