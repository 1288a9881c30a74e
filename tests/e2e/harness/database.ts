import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Where a fresh app instance keeps its data, as the environment variables it needs. */
export interface ScratchDatabase {
	env: { DATABASE_URL: string } | { PGLITE_DATA_DIR: string };
	label: string;
	dispose(): Promise<void>;
}

async function adminQuery(url: string, sql: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

/**
 * A new, empty database on the server of `url`, dropped on dispose: the app migrates and
 * seeds it on start, as it would a fresh Supabase project, and runs never see each other.
 */
async function scratchPostgres(url: string): Promise<ScratchDatabase> {
	const name = `atlas_e2e_${randomBytes(6).toString('hex')}`;
	await adminQuery(url, `create database ${name}`);
	const scratch = new URL(url);
	scratch.pathname = `/${name}`;
	return {
		env: { DATABASE_URL: scratch.toString() },
		label: `PostgreSQL database ${name}`,
		dispose: () => adminQuery(url, `drop database if exists ${name} with (force)`)
	};
}

/** An empty directory for embedded PGlite, removed on dispose. */
async function scratchPglite(): Promise<ScratchDatabase> {
	const dir = await mkdtemp(join(tmpdir(), 'atlas-e2e-pglite-'));
	return {
		env: { PGLITE_DATA_DIR: dir },
		label: `PGlite in ${dir}`,
		dispose: () => rm(dir, { recursive: true, force: true })
	};
}

/** PostgreSQL when DATABASE_URL is set (CI), else embedded PGlite. */
export function scratchDatabase(url = process.env.DATABASE_URL): Promise<ScratchDatabase> {
	return url ? scratchPostgres(url) : scratchPglite();
}
