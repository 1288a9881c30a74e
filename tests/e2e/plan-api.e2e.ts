import { describe, expect, inject, test } from 'vitest';
import { fetchAtlas } from './harness/atlas';

// The plan's endpoints as the public meets them (signed-in callers are tested on the modules,
// tests/db/plan-writes.test.ts): a published plan and the catalogue are public, funding and
// the violations never are, and every write is refused.
describe('the plan endpoints, for the public', () => {
	const baseURL = inject('baseURL');
	const send = (method: string, path: string, body?: unknown) =>
		fetch(`${baseURL}${path}`, {
			method,
			headers: body === undefined ? undefined : { 'content-type': 'application/json', origin: baseURL },
			body: body === undefined ? undefined : JSON.stringify(body)
		});

	test('read the catalogue and a published plan, whose percentage is the atlas’s', async () => {
		const catalogue = await (await send('GET', '/api/plan-catalogue')).json();
		expect(catalogue).toHaveLength(42);
		const atlas = await fetchAtlas(baseURL);
		const community = atlas.communities.features[0].properties;
		const plan = await (await send('GET', `/api/communities/${community.id}/plan`)).json();
		expect(plan.items.length).toBeGreaterThan(0);
		expect(plan.progress).toEqual({ pct: community.progressPct, weighting: community.progressWeighting });
		expect(plan.rights).toEqual({ editPlan: false, readFunding: false, editFunding: false });
	});

	test('never show funding or violations, and refuse every write', async () => {
		const atlas = await fetchAtlas(baseURL);
		const id = atlas.communities.features[0].properties.id;
		expect((await send('GET', `/api/communities/${id}/funding`)).status).toBe(403);
		expect((await send('GET', '/api/funding-violations')).status).toBe(403);
		const item = { catalogueCode: 'roads', quantity: 1, unit: 'm²', budgetYuan: null, buildingIds: [], status: 'planned', percentComplete: 0, note: null };
		expect((await send('POST', `/api/communities/${id}/plan`, item)).status).toBe(403);
		const plan = await (await send('GET', `/api/communities/${id}/plan`)).json();
		const [first] = plan.items;
		expect((await send('PUT', `/api/plan-items/${first.id}`, { version: first.version, seen: 0, values: item })).status).toBe(403);
		expect((await send('DELETE', `/api/plan-items/${first.id}`, { version: first.version, seen: 0 })).status).toBe(403);
		expect((await send('GET', '/api/communities/not-a-uuid/plan')).status).toBe(404);
	});
});
