import { describe, expect, inject, test } from 'vitest';
import { fetchAtlas } from './harness/atlas';

// The edit endpoints as the public meets them (signed-in callers are tested on the modules,
// tests/db/editing.test.ts): they read what is public, refuse every write plainly, and never
// show the record.
describe('the edit endpoints, for the public', () => {
	const baseURL = inject('baseURL');
	const NOBODY = '00000000-0000-4000-8000-0000000000ff';
	const send = (method: string, path: string, body?: unknown) =>
		fetch(`${baseURL}${path}`, {
			method,
			headers: body === undefined ? undefined : { 'content-type': 'application/json', origin: baseURL },
			body: body === undefined ? undefined : JSON.stringify(body)
		});

	async function published() {
		const atlas = await fetchAtlas(baseURL);
		return { community: atlas.communities.features[0].properties.id, building: atlas.buildings.features[0].properties.id };
	}

	test('read a published community’s facts with no rights, and refuse to save them: 403', async () => {
		const { community } = await published();
		const read = await send('GET', `/api/communities/${community}/facts`);
		expect(read.status).toBe(200);
		expect(read.headers.get('cache-control')).toBe('no-store');
		const form = await read.json();
		expect(form.rights).toEqual({ facts: false, progress: false, buildings: false, publish: false, history: false, geometry: false });

		const save = await send('PUT', `/api/communities/${community}/facts`, { version: form.version, seen: form.seen, values: form.values });
		expect(save.status).toBe(403);
		expect(await save.json()).toMatchObject({ error: 'forbidden', reason: 'sign_in', message: '请先登录。' });
		expect((await (await send('GET', `/api/communities/${community}/facts`)).json()).version).toBe(form.version);
	});

	test('answer 400 with messages per field for a body that does not fit', async () => {
		const { community } = await published();
		const save = await send('PUT', `/api/communities/${community}/facts?lang=en`, { version: 1, seen: 0, values: { households: -1 } });
		expect(save.status).toBe(400);
		const body = await save.json();
		expect(body.message).toBe('Some input is invalid; see the marked fields.');
		expect(body.fields.households).toEqual({ key: 'edit.error.min', values: { min: 0 } });
		expect((await send('PUT', `/api/buildings/${(await published()).building}/facts`, 'not json')).status).toBe(400);
	});

	test('answer 404 for what does not exist or is not visible', async () => {
		expect((await send('GET', `/api/communities/${NOBODY}/facts`)).status).toBe(404);
		expect((await send('GET', `/api/communities/not-a-uuid/progress`)).status).toBe(404);
		expect((await send('GET', `/api/buildings/${NOBODY}/facts`)).status).toBe(404);
		expect((await send('GET', `/api/communities/${NOBODY}/history`)).status).toBe(404);
	});

	test('never show the record, nor publish', async () => {
		const { community, building } = await published();
		const history = await send('GET', `/api/communities/${community}/history`);
		expect(history.status).toBe(403);
		expect(await history.json()).toMatchObject({ error: 'forbidden', reason: 'sign_in' });
		expect((await send('POST', `/api/communities/${community}/publication`, { published: false })).status).toBe(403);
		const form = await (await send('GET', `/api/buildings/${building}/facts`)).json();
		expect((await send('PUT', `/api/buildings/${building}/facts`, { version: form.version, seen: 0, values: form.values })).status).toBe(403);
		const progress = await (await send('GET', `/api/communities/${community}/progress`)).json();
		expect((await send('PUT', `/api/communities/${community}/progress`, { version: progress.version, seen: 0, values: progress.values })).status).toBe(403);
	});
});
