import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/lib/server/db/migrate';
import { backends, type Scratch } from './backends';

describe.each(backends)('migrations on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await backend.openEmpty();
	});
	afterAll(() => scratch?.dispose());

	it('bootstraps the Supabase roles, applies every migration and seeds once', async () => {
		const first = await migrate(scratch.db);
		expect(first.bootstrapped).toBe(true);
		expect(first.applied.length).toBeGreaterThanOrEqual(5);
		expect(first.seeded).toBe(true);

		const second = await migrate(scratch.db);
		expect(second).toEqual({ bootstrapped: false, applied: [], seeded: false });
	});

	it('enables row-level security on every table in public', async () => {
		const rows = await scratch.db.query<{ relname: string; relrowsecurity: boolean }>(
			`select c.relname, c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'spatial_ref_sys'`
		);
		expect(rows.length).toBeGreaterThanOrEqual(7);
		expect(rows.filter((r) => !r.relrowsecurity).map((r) => r.relname)).toEqual([]);
	});

	it('keeps every geometry in EPSG:4326 with a GiST index', async () => {
		const columns = await scratch.db.query<{ table: string; column: string; srid: number }>(
			`select f_table_name as table, f_geometry_column as column, srid from geometry_columns
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
				 values ('BAD', '坏数据', '370303002', st_geomfromtext($1, 4326), 1990, 'state_owned', 1, 1, 'none')`,
				[bowtie]
			)
		).rejects.toThrow(/check constraint/);
	});
});
