import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderInUseError, openEmbeddedDatabase } from '../../src/lib/server/db/embedded';
import { migrate } from '../../src/lib/server/db/migrate';
import type { Database } from '../../src/lib/server/db/types';

// What the app does without DATABASE_URL (openAppDatabase), spelled out so that a
// DATABASE_URL set for the other suites cannot redirect it. The same process opening the
// folder twice stands in for a second process here; tests/server starts real ones.
// A first start migrates and seeds the whole demo (pipelines included): minutes on a loaded machine.
const FIRST_START_MS = 240_000;

const options = { prepare: (db: Database) => migrate(db, { seed: true }).then(() => undefined), log: () => undefined };

describe('the embedded database folder', () => {
	let root: string;
	beforeAll(async () => {
		root = await mkdtemp(join(tmpdir(), 'atlas-embedded-'));
	});
	afterAll(() => rm(root, { recursive: true, force: true }));

	it('is created on a fresh clone, migrated and seeded, and kept for the next start', async () => {
		const dataDir = join(root, 'data', 'pglite'); // neither folder exists yet
		const first = await openEmbeddedDatabase(dataDir, options);
		const [{ n }] = await first.query<{ n: number }>('select count(*)::int as n from public.communities');
		expect(n).toBe(22);
		await first.close();

		const again = await openEmbeddedDatabase(dataDir, options);
		const [{ seeds }] = await again.query<{ seeds: number }>('select count(*)::int as seeds from supabase_migrations.seed_files');
		expect(seeds).toBe(1);
		await again.close();
		expect((await readdir(join(root, 'data'))).sort()).toEqual(['pglite']);
	}, FIRST_START_MS);

	it('lets one opener at a time use it: a second one waits, then gives up with a clear error', async () => {
		const dataDir = join(root, 'data', 'pglite');
		const holder = await openEmbeddedDatabase(dataDir, options);
		const said: string[] = [];
		await expect(openEmbeddedDatabase(dataDir, { ...options, waitMs: 1_500, log: (m) => said.push(m) })).rejects.toThrow(FolderInUseError);
		expect(said.join('\n')).toMatch(/is in use by process \d+; waiting/);
		await holder.close();
		// Released on close: the next opener gets it at once.
		const next = await openEmbeddedDatabase(dataDir, { ...options, waitMs: 0 });
		await next.close();
	});

	it('throws away a half-built folder that an interrupted first start left, and builds it again', async () => {
		const dataDir = join(root, 'crashed', 'pglite');
		await mkdir(`${dataDir}.init-99999`, { recursive: true });
		await writeFile(join(`${dataDir}.init-99999`, 'PG_VERSION'), '17\n'); // a partial copy, as a killed process leaves it
		const db = await openEmbeddedDatabase(dataDir, options);
		const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from public.buildings');
		expect(n).toBe(296);
		await db.close();
		expect(await readdir(join(root, 'crashed'))).toEqual(['pglite']);
	}, FIRST_START_MS);

	it('refuses a folder that holds something else rather than overwrite it', async () => {
		const dataDir = join(root, 'other');
		await mkdir(dataDir, { recursive: true });
		await writeFile(join(dataDir, 'notes.txt'), 'not a database');
		await expect(openEmbeddedDatabase(dataDir, options)).rejects.toThrow(/neither empty nor a database folder/);
	});
});
