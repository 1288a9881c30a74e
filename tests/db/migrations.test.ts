import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, SEED_PATH, SUPABASE_DIR } from '../../src/lib/server/db/migrate';
import { backends, type Scratch } from './backends';

const MIGRATIONS_DIR = join(SUPABASE_DIR, 'migrations');

async function migrationFiles(): Promise<string[]> {
	return (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
}

async function migrationSql(): Promise<string[]> {
	return Promise.all((await migrationFiles()).map((f) => readFile(join(MIGRATIONS_DIR, f), 'utf8')));
}

// What the migrations define, by name and body, so that applying them again can be shown to
// change nothing: policies with their conditions, triggers, our functions with their code and
// grants, indexes.
const SCHEMA_SUMMARY = `
  select
    array(select format('%s.%s "%s" %s %s %s', schemaname, tablename, policyname, cmd, qual, with_check)
          from pg_policies where schemaname in ('public', 'accounts') order by 1) as policies,
    array(select format('%s %s', g.tgrelid::regclass, g.tgname) from pg_trigger g join pg_class c on c.oid = g.tgrelid
          where not g.tgisinternal and c.relnamespace in ('public'::regnamespace, 'accounts'::regnamespace) order by 1) as triggers,
    array(select format('%s.%s %s %s', p.pronamespace::regnamespace, p.proname, md5(p.prosrc),
                        array(select a.grantee::regrole || ' ' || a.privilege_type
                              from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a order by 1))
          from pg_proc p where p.pronamespace in ('private'::regnamespace, 'auth'::regnamespace) order by 1) as functions,
    array(select format('%s %s', schemaname, indexname) from pg_indexes where schemaname in ('public', 'accounts') order by 1) as indexes`;

describe.each(backends)('migrations on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await backend.openEmpty();
	});
	afterAll(() => scratch?.dispose());

	it('bootstraps the Supabase roles, applies every migration, and seeds only when asked, once', async () => {
		const first = await migrate(scratch.db);
		expect(first.bootstrapped).toBe(true);
		expect(first.applied).toEqual((await migrationFiles()).map((f) => f.replace(/\.sql$/, '')));
		expect(first.seeded).toBe(false);
		const [{ n }] = await scratch.db.query<{ n: number }>('select count(*)::int as n from public.communities');
		expect(n).toBe(0);

		expect(await migrate(scratch.db, { seed: true })).toEqual({ bootstrapped: true, applied: [], seeded: true });
		expect(await migrate(scratch.db, { seed: true })).toEqual({ bootstrapped: true, applied: [], seeded: false });
		// The Supabase CLI's name for the seed, so `supabase db push --include-seed` skips it.
		const seeds = await scratch.db.query<{ path: string }>('select path from supabase_migrations.seed_files');
		expect(seeds).toEqual([{ path: SEED_PATH }]);
	});

	it('keeps PostGIS out of the API-exposed public schema', async () => {
		const [{ schema }] = await scratch.db.query<{ schema: string }>(
			`select extnamespace::regnamespace::text as schema from pg_extension where extname = 'postgis'`
		);
		expect(schema).toBe('extensions');
	});

	it('applies every file again without error or change: a psql-migrated database converges', async () => {
		const before = await scratch.db.query(SCHEMA_SUMMARY);
		for (const sql of await migrationSql()) await scratch.db.transaction((tx) => tx.exec(sql));
		await scratch.db.transaction(async (tx) => tx.exec(await readFile(join(SUPABASE_DIR, 'seed.sql'), 'utf8')));
		const [{ communities }] = await scratch.db.query<{ communities: number }>('select count(*)::int as communities from public.communities');
		expect(communities).toBe(22);
		expect(await scratch.db.query(SCHEMA_SUMMARY)).toEqual(before);
	});

	it('enables row-level security on every table in public', async () => {
		const rows = await scratch.db.query<{ relname: string; relrowsecurity: boolean }>(
			`select c.relname, c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = 'public' and c.relkind = 'r'`
		);
		expect(rows.length).toBeGreaterThanOrEqual(7);
		expect(rows.filter((r) => !r.relrowsecurity).map((r) => r.relname)).toEqual([]);
	});

	it('grants the private helpers role by role, never to PUBLIC (every role, the app login included)', async () => {
		const [{ helpers }] = await scratch.db.query<{ helpers: number }>(
			`select count(*)::int as helpers from pg_proc where pronamespace = 'private'::regnamespace`
		);
		expect(helpers).toBeGreaterThanOrEqual(4);
		const open = await scratch.db.query<{ name: string }>(
			`select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			 where n.nspname = 'private'
			   and exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
			               where a.grantee = 0 and a.privilege_type = 'EXECUTE')`
		);
		expect(open).toEqual([]);
	});

	it('keeps every geometry in EPSG:4326 with a GiST index', async () => {
		const columns = await scratch.db.query<{ table: string; column: string; srid: number }>(
			`select f_table_name as table, f_geometry_column as column, srid from extensions.geometry_columns
			 where f_table_schema = 'public'`
		);
		expect(columns.length).toBeGreaterThanOrEqual(4);
		for (const c of columns) expect(c.srid, `${c.table}.${c.column}`).toBe(4326);
		const indexed = await scratch.db.query<{ indexdef: string }>(
			`select indexdef from pg_indexes where schemaname = 'public' and indexdef ilike '%using gist%'`
		);
		for (const c of columns) {
			expect(indexed.some((i) => i.indexdef.includes(`public.${c.table} `) && i.indexdef.includes(`(${c.column})`)), `${c.table}.${c.column}`).toBe(true);
		}
	});

	it('rejects an invalid (self-intersecting) boundary', async () => {
		const bowtie = 'MULTIPOLYGON(((118 36.8, 118.01 36.81, 118.01 36.8, 118 36.81, 118 36.8)))';
		await expect(
			scratch.db.query(
				`insert into public.communities (code, name, subdistrict_code, boundary, built_year, land_tenure, households, floor_area_m2, property_management)
				 values ('BAD', '坏数据', '370303002', extensions.st_geomfromtext($1, 4326), 1990, 'state_owned', 1, 1, 'none')`,
				[bowtie]
			)
		).rejects.toMatchObject({ code: '23514', constraint: 'geometry_rules', detail: 'self_intersecting' });
	});

	it('keeps the column check behind the geometry rules', async () => {
		const bowtie = 'MULTIPOLYGON(((118 36.8, 118.01 36.81, 118.01 36.8, 118 36.81, 118 36.8)))';
		const undo = new Error('undo');
		let refused: unknown = null;
		await expect(
			scratch.db.transaction(async (tx) => {
				await tx.exec('alter table public.communities disable trigger communities_check_geometry');
				refused = await tx
					.query(
						`insert into public.communities (code, name, subdistrict_code, boundary, built_year, land_tenure, households, floor_area_m2, property_management)
						 values ('BAD', '坏数据', '370303002', extensions.st_geomfromtext($1, 4326), 1990, 'state_owned', 1, 1, 'none')`,
						[bowtie]
					)
					.then(() => null, (error: unknown) => error);
				throw undo;
			})
		).rejects.toBe(undo);
		expect(String(refused)).toMatch(/check constraint/);
	});
});

describe.each(backends)('a database created before PostGIS moved out of public, on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await backend.openEmpty();
	});
	afterAll(() => scratch?.dispose());

	it('is refused with a message that says what to do', async () => {
		// What the previous release left: PostGIS in public, its five migrations recorded.
		await scratch.db.exec(`
			create extension postgis;
			create schema supabase_migrations;
			create table supabase_migrations.schema_migrations (version text primary key, statements text[], name text);
			insert into supabase_migrations.schema_migrations (version) values
			  ('20261124100000'), ('20261124100100'), ('20261124100200'), ('20261124100300'), ('20261124100400');
		`);
		await expect(migrate(scratch.db)).rejects.toThrow(/PostGIS is installed in schema public/);
	});

	it('is refused on a fresh migration too when PostGIS was installed in public by hand', async () => {
		await scratch.db.exec('drop schema supabase_migrations cascade');
		await expect(migrate(scratch.db)).rejects.toThrow(/PostGIS is installed in a schema other than extensions/);
	});
});
