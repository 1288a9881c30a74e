import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate } from '../../src/lib/server/db/migrate';
import { openDumpablePglite, openPglite, openPgliteCopy } from '../../src/lib/server/db/pglite';
import { openPostgres } from '../../src/lib/server/db/postgres';
import type { Database } from '../../src/lib/server/db/types';
import { withUser } from '../e2e/harness/database';

/** A fresh database, and how to throw it away. */
export interface Scratch {
	/** A connection with the owner's rights, as migrations run. */
	db: Database;
	/** On PostgreSQL: the owner's connection string, as `db` uses it. */
	ownerUrl?: string;
	/** On PostgreSQL: the connection string the app would use, as the `authenticator` login. */
	appUrl?: string;
	dispose(): Promise<void>;
}

export interface Backend {
	name: 'pglite' | 'postgres';
	/** An empty database: nothing applied yet (on PostgreSQL, or a copy of `template`). */
	openEmpty(template?: string): Promise<Scratch>;
}

const pglite: Backend = {
	name: 'pglite',
	async openEmpty() {
		const db = await openPglite('memory://');
		return { db, dispose: () => db.close() };
	}
};

/** A new database on the server of DATABASE_URL, dropped afterwards, so runs never collide. */
function postgres(url: string): Backend {
	return {
		name: 'postgres',
		async openEmpty(template?: string) {
			const name = `atlas_test_${randomBytes(6).toString('hex')}`;
			const admin = new pg.Client({ connectionString: url });
			await admin.connect();
			await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
			await admin.end();
			const scratchUrl = new URL(url);
			scratchUrl.pathname = `/${name}`;
			const db = await openPostgres(scratchUrl.toString());
			return {
				db,
				ownerUrl: scratchUrl.toString(),
				appUrl: withUser(scratchUrl.toString(), 'authenticator'),
				async dispose() {
					await db.close();
					const dropper = new pg.Client({ connectionString: url });
					await dropper.connect();
					await dropper.query(`drop database if exists ${name} with (force)`);
					await dropper.end();
				}
			};
		}
	};
}

/** Real PostgreSQL/PostGIS, when DATABASE_URL is set. */
export const postgresBackend: Backend | undefined = process.env.DATABASE_URL ? postgres(process.env.DATABASE_URL) : undefined;

/** Embedded PGlite always; real PostgreSQL/PostGIS too when DATABASE_URL is set. */
export const backends: Backend[] = [pglite, ...(postgresBackend ? [postgresBackend] : [])];

/** The PostgreSQL backend in a suite that only makes sense there (skipped without DATABASE_URL). */
export function requirePostgres(): Backend {
	if (!postgresBackend) throw new Error('this suite needs DATABASE_URL');
	return postgresBackend;
}

/** What a seeded database is made of: the migrations, the seed and the runner that applies them. */
async function seededKey(): Promise<string> {
	const hash = createHash('sha256');
	const dir = join(process.cwd(), 'supabase', 'migrations');
	for (const name of (await readdir(dir)).sort()) hash.update(name).update(await readFile(join(dir, name)));
	for (const file of ['supabase/seed.sql', 'supabase/bootstrap.sql', 'src/lib/server/db/migrate.ts'])
		hash.update(file).update(await readFile(join(process.cwd(), file)).catch(() => Buffer.from('')));
	return hash.digest('hex').slice(0, 16);
}

/**
 * Migrated, with the demo data loaded. On PGlite, migrating and seeding took half a minute
 * per test file (each file runs in a process of its own): the first file that needs the demo
 * keeps a copy of the database's files under the OS's temporary folder, named by what the
 * database is made of, and the others start from that copy.
 */
export async function openSeeded(backend: Backend): Promise<Scratch> {
	if (backend.name === 'pglite') {
		const copy = join(tmpdir(), 'atlas-test-seeded', `${await seededKey()}.tar`);
		const dump = await readFile(copy).catch(() => null);
		if (dump) {
			const db = await openPgliteCopy(new Blob([dump]));
			return { db, dispose: () => db.close() };
		}
		const db = await openDumpablePglite();
		await migrate(db, { seed: true });
		await mkdir(join(tmpdir(), 'atlas-test-seeded'), { recursive: true });
		const partial = `${copy}.${process.pid}`;
		await writeFile(partial, Buffer.from(await (await db.dump()).arrayBuffer()));
		await rename(partial, copy);
		return { db, dispose: () => db.close() };
	}
	return postgresFromTemplate(await seededKey());
}

/**
 * On PostgreSQL the same saving: the first file migrates and seeds a template database,
 * named by what it is made of, and each file's database is a copy of it.
 */
async function postgresFromTemplate(key: string): Promise<Scratch> {
	const url = process.env.DATABASE_URL as string;
	const template = `atlas_seeded_${key}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	try {
		const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
		if (!found.rowCount) {
			const building = `${template}_${process.pid}`;
			await admin.query(`create database ${building}`);
			const buildingUrl = new URL(url);
			buildingUrl.pathname = `/${building}`;
			const db = await openPostgres(buildingUrl.toString());
			await migrate(db, { seed: true });
			await db.close();
			// Renamed only when whole, so an interrupted run never leaves a half-seeded template.
			await admin.query(`alter database ${building} rename to ${template}`);
		}
	} finally {
		await admin.end();
	}
	return postgresBackend!.openEmpty(template);
}
