import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/lib/server/db/migrate';
import { openPglite } from '../../src/lib/server/db/pglite';

// What the app does without DATABASE_URL (openDatabase), spelled out so that a DATABASE_URL
// set for the other suites cannot redirect it.
async function openEmbedded(dataDir: string) {
	const db = await openPglite(dataDir);
	await migrate(db);
	return db;
}

describe('the embedded default on a fresh clone', () => {
	let root: string | undefined;
	afterAll(() => (root ? rm(root, { recursive: true, force: true }) : undefined));

	it('creates its data folder, migrates and seeds, and keeps the data for the next start', async () => {
		root = await mkdtemp(join(tmpdir(), 'atlas-fresh-'));
		const dataDir = join(root, 'data', 'pglite'); // neither folder exists yet
		const first = await openEmbedded(dataDir);
		const [{ n }] = await first.query<{ n: number }>('select count(*)::int as n from public.communities');
		expect(n).toBe(22);
		await first.close();

		const again = await openEmbedded(dataDir);
		const [{ seeds }] = await again.query<{ seeds: number }>('select count(*)::int as seeds from supabase_migrations.seed_files');
		expect(seeds).toBe(1);
		await again.close();
	});
});
