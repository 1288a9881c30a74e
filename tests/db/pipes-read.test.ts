import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipeNodeProps, PipesCollection, PipeSegmentProps } from '../../src/lib/domain/pipes';
import { readPipes } from '../../src/lib/server/pipes/read';
import { backends, openSeeded, type Scratch } from './backends';
import { addStaff, callers, IN_A, IN_B } from './staff-fixture';

/** Read through the module the endpoint uses, as each role: row-level security decides. */
describe.each(backends)('GET /api/pipes data on $name', (backend) => {
	let scratch: Scratch;
	let subdistrictOf: Map<string, string>;
	let all: PipesCollection;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addStaff(scratch.db);
		const rows = await scratch.db.query<{ id: string; subdistrict_code: string }>('select id, subdistrict_code from public.communities');
		subdistrictOf = new Map(rows.map((r) => [r.id, r.subdistrict_code]));
		const planner = await readPipes(callers.planner, undefined, scratch.db);
		if (!planner.ok) throw new Error('the planner was refused');
		all = planner.value;
	});
	afterAll(() => scratch?.dispose());

	const read = async (caller: keyof typeof callers, bbox?: [number, number, number, number]) => {
		const outcome = await readPipes(callers[caller], bbox, scratch.db);
		if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
		return outcome.value;
	};
	const subdistricts = (c: PipesCollection) => new Set(c.features.map((f) => subdistrictOf.get(f.properties.community_id)));
	const count = async (table: string) => (await scratch.db.query<{ n: number }>(`select count(*)::int as n from public.${table}`))[0].n;

	it('gives a planner every segment and node of the demo, lines with their depths as z', async () => {
		const segments = all.features.filter((f) => f.properties.feature === 'segment');
		expect(segments).toHaveLength(await count('pipe_segments'));
		expect(all.features.length - segments.length).toBe(await count('pipe_nodes'));
		const [first] = segments;
		const props = first.properties as PipeSegmentProps;
		expect(first.geometry.type).toBe('LineString');
		const coordinates = first.geometry.coordinates as number[][];
		expect(coordinates[0][2]).toBe(-props.depth_start_m);
		expect(coordinates.at(-1)?.[2]).toBe(-props.depth_end_m);
		expect(Object.keys(props).sort()).toEqual(
			['community_id', 'depth_end_m', 'depth_start_m', 'diameter_mm', 'feature', 'id', 'material', 'owner', 'renewed_on', 'section', 'state', 'type'].sort()
		);
		expect(typeof props.depth_start_m).toBe('number');
		const node = all.features.find((f) => f.properties.feature === 'node');
		expect((node?.properties as PipeNodeProps).depth_m).toBe(-(node?.geometry.coordinates as number[])[2]);
	});

	it('keeps coordinates to 7 decimals and depths to the centimetre', () => {
		const decimals = (n: number) => (String(n).split('.')[1] ?? '').length;
		const positions = all.features.flatMap((f) => (f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.coordinates));
		expect(Math.max(...positions.map(([x, y]) => Math.max(decimals(x), decimals(y))))).toBeLessThanOrEqual(7);
		expect(Math.max(...positions.map((p) => decimals(p[2])))).toBeLessThanOrEqual(2);
		const body = JSON.stringify(all);
		console.info(`[pipes] whole demo: ${all.features.length} features, ${(body.length / 1024).toFixed(0)} KiB, gzip ${(gzipSync(body).length / 1024).toFixed(0)} KiB`);
	});

	it('gives the public nothing: refused before any query', async () => {
		expect(await readPipes(callers.anon, undefined, scratch.db)).toEqual({ ok: false, refusal: { kind: 'forbidden', reason: 'sign_in' } });
	});

	it('gives an editor only the pipes of their own sub-district', async () => {
		const a = await read('editorA');
		expect(a.features.length).toBeGreaterThan(0);
		expect(subdistricts(a)).toEqual(new Set([IN_A.subdistrict]));
		expect(a.features.length).toBe(all.features.filter((f) => subdistrictOf.get(f.properties.community_id) === IN_A.subdistrict).length);
		expect(subdistricts(await read('editorB'))).toEqual(new Set([IN_B.subdistrict]));
	});

	it('gives a leader all, and a member without a role none', async () => {
		expect((await read('leader')).features).toHaveLength(all.features.length);
		expect((await read('noRole')).features).toEqual([]);
	});

	it('keeps to a box when asked: every feature meets it, and fewer than all', async () => {
		const [x, y] = all.features[0].geometry.coordinates[0] as number[];
		const box: [number, number, number, number] = [x - 0.001, y - 0.001, x + 0.001, y + 0.001];
		const some = await read('planner', box);
		expect(some.features.length).toBeGreaterThan(0);
		expect(some.features.length).toBeLessThan(all.features.length);
		const positions = (f: PipesCollection['features'][number]) => (f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.coordinates);
		for (const f of some.features) {
			const xs = positions(f).map((p) => p[0]);
			const ys = positions(f).map((p) => p[1]);
			// Within the 7th decimal the answer rounds to.
			const e = 1e-7;
			expect(Math.max(...xs) >= box[0] - e && Math.min(...xs) <= box[2] + e && Math.max(...ys) >= box[1] - e && Math.min(...ys) <= box[3] + e).toBe(true);
		}
	});
});
