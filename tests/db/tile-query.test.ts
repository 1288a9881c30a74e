import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCaller, type Caller } from '../../src/lib/server/db/roles';
import { BOX, BOX_QUERY, PLAIN_BOX_QUERY } from '../bench/tile-query';
import { backends, openSeeded, type Scratch } from './backends';

// Under row-level security PostgreSQL runs a query's conditions after the policies unless
// they are leakproof, and PostGIS's are not: only the bbox columns' comparisons let a map
// tile use an index as the public or an editor (migration 20261126090600). The demo data is
// small enough that the planner would scan it anyway, so sequential scans are discouraged
// here to ask which plans are possible, not which are cheapest. Timings: npm run bench, (f).

const anon: Caller = { role: 'anon' };
const editor: Caller = {
	role: 'authenticated',
	userId: '00000000-0000-4000-8000-00000000e017',
	appRole: 'editor',
	subdistricts: ['370303006']
};

describe.each(backends)('a map tile query under RLS on $name', (backend) => {
	let scratch: Scratch;
	const plan = (caller: Caller, sql: string) =>
		asCaller(scratch.db, caller, async (tx) => {
			await tx.query('set local enable_seqscan = off');
			const rows = await tx.query<{ 'QUERY PLAN': string }>(`explain (costs off) ${sql}`, [...BOX]);
			return rows.map((r) => r['QUERY PLAN']).join('\n');
		});

	beforeAll(async () => {
		scratch = await openSeeded(backend);
	});
	afterAll(() => scratch?.dispose());

	it.each([
		['the public', anon],
		['an editor', editor]
	])('finds the buildings of a tile through the bbox index as %s', async (_, caller) => {
		const text = await plan(caller, BOX_QUERY);
		expect(text).toMatch(/Index Scan (on|using) buildings_bbox_gix/);
		expect(text).not.toMatch(/Seq Scan on buildings/);
	});

	it('cannot use the footprint index for the same tile by PostGIS alone (why the bbox columns exist)', async () => {
		const text = await plan(anon, PLAIN_BOX_QUERY);
		expect(text).not.toMatch(/buildings_footprint_gix/);
		expect(text).toMatch(/Seq Scan on buildings|Index Scan using buildings_community_id_idx|Index Scan using buildings_pkey/);
	});
});
