import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './types';

/** Where the SQL lives: supabase/ in the project, as the Supabase CLI expects it. */
export const SUPABASE_DIR = process.env.SUPABASE_DIR ?? 'supabase';

// The Supabase CLI records applied migrations and seeds in these tables; using the same
// ones means a database set up with `supabase db push` is recognised, and vice versa.
const BOOKKEEPING = `
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (
  version text primary key, statements text[], name text
);
create table if not exists supabase_migrations.seed_files (path text primary key, hash text not null);
`;

export interface MigrationReport {
	bootstrapped: boolean;
	applied: string[];
	seeded: boolean;
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
 * Brings a database to the schema in supabase/: the bootstrap where Supabase's roles and
 * auth helpers are missing, then each migration not yet applied, then the seed once.
 * Each step runs in its own transaction, so a failing file leaves nothing half-applied.
 */
export async function migrate(
	db: Database,
	{ dir = SUPABASE_DIR, seed = true }: { dir?: string; seed?: boolean } = {}
): Promise<MigrationReport> {
	const report: MigrationReport = { bootstrapped: false, applied: [], seeded: false };
	await db.transaction(async (tx) => {
		// Concurrent starts against one server (several app instances, parallel tests)
		// would otherwise race to apply the same file.
		await tx.query('select pg_advisory_xact_lock(7303)');
		const [{ present }] = await tx.query<{ present: boolean }>(
			`select to_regprocedure('auth.uid()') is not null as present`
		);
		if (!present) {
			await tx.exec(await readFile(join(dir, 'bootstrap.sql'), 'utf8'));
			report.bootstrapped = true;
		}
		await tx.exec(BOOKKEEPING);
	});

	for (const m of await migrationFiles(dir)) {
		const sql = await readFile(m.file, 'utf8');
		await db.transaction(async (tx) => {
			await tx.query('select pg_advisory_xact_lock(7303)');
			const done = await tx.query('select 1 from supabase_migrations.schema_migrations where version = $1', [m.version]);
			if (done.length) return;
			await tx.exec(sql);
			await tx.query('insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
			report.applied.push(`${m.version}_${m.name}`);
		});
	}

	if (seed) {
		const sql = await readFile(join(dir, 'seed.sql'), 'utf8').catch(() => null);
		if (sql !== null) {
			const hash = createHash('sha256').update(sql).digest('hex');
			await db.transaction(async (tx) => {
				await tx.query('select pg_advisory_xact_lock(7303)');
				const done = await tx.query(`select 1 from supabase_migrations.seed_files where path = 'seed.sql'`);
				if (done.length) return;
				await tx.exec(sql);
				await tx.query(`insert into supabase_migrations.seed_files (path, hash) values ('seed.sql', $1)`, [hash]);
				report.seeded = true;
			});
		}
	}
	return report;
}
