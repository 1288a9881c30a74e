import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './types';

/** Where the SQL lives: supabase/ in the project, as the Supabase CLI expects it. */
export const SUPABASE_DIR = process.env.SUPABASE_DIR ?? 'supabase';

/**
 * The seed as the Supabase CLI names it in its bookkeeping: its path from the project
 * root (config.toml's [db.seed] sql_paths, which are relative to supabase/).
 */
export const SEED_PATH = 'supabase/seed.sql';

// The Supabase CLI records applied migrations and seeds in these tables, with these
// columns; using the same ones means a database set up with `supabase db push` is
// recognised, and vice versa.
const BOOKKEEPING = `
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (
  version text primary key, statements text[], name text
);
create table if not exists supabase_migrations.seed_files (path text primary key, hash text not null);
`;

/** Serialises concurrent runners (several app instances, parallel tests) on one server. */
const LOCK = 'select pg_advisory_xact_lock(7303)';

export interface MigrationReport {
	/** Whether supabase/bootstrap.sql ran: it does on every database that is not Supabase's. */
	bootstrapped: boolean;
	applied: string[];
	seeded: boolean;
}

export interface MigrateOptions {
	dir?: string;
	/** Load the demo data of supabase/seed.sql (when new or changed). */
	seed?: boolean;
}

async function migrationFiles(dir: string): Promise<{ version: string; name: string; file: string }[]> {
	const names = (await readdir(join(dir, 'migrations'))).filter((f) => f.endsWith('.sql')).sort();
	return names.map((file) => {
		const match = /^(\d{14})_(.+)\.sql$/.exec(file);
		if (!match) throw new Error(`Migration file name must be <14-digit timestamp>_<name>.sql: ${file}`);
		return { version: match[1], name: match[2], file: join(dir, 'migrations', file) };
	});
}

/**
 * Brings a database to the schema in supabase/: the bootstrap where the database is not a
 * Supabase project, then each migration not yet recorded, then (when asked) the seed.
 * Each step runs in its own transaction, so a failing file leaves nothing half-applied.
 *
 * Every file is written to be applied again without harm (`if not exists`, policies
 * dropped and recreated, seed rows `on conflict do nothing`), so a database first set up
 * with psql, or with the CLI, converges here too.
 */
export async function migrate(db: Database, { dir = SUPABASE_DIR, seed = false }: MigrateOptions = {}): Promise<MigrationReport> {
	const report: MigrationReport = { bootstrapped: false, applied: [], seeded: false };
	await db.transaction(async (tx) => {
		await tx.query(LOCK);
		// A Supabase project has its own roles and auth schema, which bootstrap.sql only imitates.
		const [{ supabase }] = await tx.query<{ supabase: boolean }>(
			`select exists (select 1 from pg_roles where rolname = 'supabase_admin') as supabase`
		);
		if (!supabase) {
			await tx.exec(await readFile(join(dir, 'bootstrap.sql'), 'utf8'));
			report.bootstrapped = true;
		}
		await tx.exec(BOOKKEEPING);
	});

	for (const m of await migrationFiles(dir)) {
		const sql = await readFile(m.file, 'utf8');
		await db.transaction(async (tx) => {
			await tx.query(LOCK);
			const done = await tx.query('select 1 from supabase_migrations.schema_migrations where version = $1', [m.version]);
			if (done.length) return;
			await tx.exec(sql);
			await tx.query('insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
			report.applied.push(`${m.version}_${m.name}`);
		});
	}

	if (seed) report.seeded = await applySeed(db, dir);
	return report;
}

/**
 * Runs the seed unless the same file (by SHA-256, as the CLI hashes it) was recorded. A
 * changed seed runs again and only adds the rows that are missing; the CLI would record
 * the new hash without running it, which the idempotent seed makes equivalent.
 */
async function applySeed(db: Database, dir: string): Promise<boolean> {
	const sql = await readFile(join(dir, 'seed.sql'), 'utf8').catch(() => null);
	if (sql === null) return false;
	const hash = createHash('sha256').update(sql).digest('hex');
	return db.transaction(async (tx) => {
		await tx.query(LOCK);
		const same = await tx.query('select 1 from supabase_migrations.seed_files where path = $1 and hash = $2', [SEED_PATH, hash]);
		if (same.length) return false;
		await tx.exec(sql);
		await tx.query(
			`insert into supabase_migrations.seed_files (path, hash) values ($1, $2)
			 on conflict (path) do update set hash = excluded.hash`,
			[SEED_PATH, hash]
		);
		return true;
	});
}
