import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT } from '../../../scripts/build';

/** Where a fresh app instance keeps its data, as the environment variables it needs. */
export interface ScratchDatabase {
	env: { DATABASE_URL: string } | { PGLITE_DATA_DIR: string };
	label: string;
	/** On PostgreSQL: the owner's connection string, for migrations and for tests' own checks. */
	ownerUrl?: string;
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

/** The same server and database as `url`, as another user (passwordless on CI's loopback cluster). */
export function withUser(url: string, user: string): string {
	const other = new URL(url);
	other.username = user;
	other.password = '';
	return other.toString();
}

/** `npm run db:migrate -- --seed --url <owner>`, as an operator prepares a database. */
export function migrateAsOwner(ownerUrl: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn('npm', ['run', '--silent', 'db:migrate', '--', '--seed', '--url', ownerUrl], {
			cwd: ROOT,
			stdio: ['ignore', 'ignore', 'pipe']
		});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`db:migrate exited ${code}: ${stderr}`))));
	});
}

/**
 * A new database on the server of `url`, migrated and seeded with the owner's rights the way
 * an operator would (the app does not migrate PostgreSQL), dropped on dispose. The app
 * gets the `authenticator` login, which can only switch into the API roles.
 */
export async function scratchPostgres(url: string): Promise<ScratchDatabase> {
	const name = `atlas_e2e_${randomBytes(6).toString('hex')}`;
	await adminQuery(url, `create database ${name}`);
	const scratch = new URL(url);
	scratch.pathname = `/${name}`;
	const ownerUrl = scratch.toString();
	const dispose = () => adminQuery(url, `drop database if exists ${name} with (force)`);
	try {
		await migrateAsOwner(ownerUrl);
	} catch (error) {
		await dispose();
		throw error;
	}
	return { env: { DATABASE_URL: withUser(ownerUrl, 'authenticator') }, label: `PostgreSQL database ${name}`, ownerUrl, dispose };
}

/** An empty directory for embedded PGlite (the app creates its folder inside), removed on dispose. */
export async function scratchPglite(): Promise<ScratchDatabase> {
	const dir = await mkdtemp(join(tmpdir(), 'atlas-e2e-pglite-'));
	return {
		env: { PGLITE_DATA_DIR: join(dir, 'pglite') },
		label: `PGlite in ${dir}`,
		dispose: () => rm(dir, { recursive: true, force: true })
	};
}

/** PostgreSQL when DATABASE_URL is set (CI), else embedded PGlite. */
export function scratchDatabase(url = process.env.DATABASE_URL): Promise<ScratchDatabase> {
	return url ? scratchPostgres(url) : scratchPglite();
}
