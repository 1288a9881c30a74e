import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/lib/server/db/migrate';
import { openPglite } from '../../src/lib/server/db/pglite';
import type { Database } from '../../src/lib/server/db/types';
import { generateTypeFiles, type GeneratedFile } from '../../scripts/typegen';
import { readSchema } from '../../scripts/typegen/introspect';
import { renderSchema } from '../../scripts/typegen/render-schema';

/** The members of one table's Row, Insert or Update in a rendered schema.gen.ts. */
function section(schema: string, table: string, part: 'Row' | 'Insert' | 'Update'): string {
	const start = schema.indexOf(`\t${table}: {\n`);
	const from = start < 0 ? -1 : schema.indexOf(`${part}: {\n`, start);
	return from < 0 ? '' : schema.slice(from, schema.indexOf('};', from));
}

describe('types generated from the schema (npm run db:types)', () => {
	let files: GeneratedFile[];
	beforeAll(async () => {
		files = await generateTypeFiles();
	});

	it('are committed as generated: regenerating gives each file byte for byte', async () => {
		expect(files.map((f) => f.path)).toEqual([
			'src/lib/server/db/schema.gen.ts',
			'src/lib/domain/stages.gen.ts',
			'src/lib/domain/enums.gen.ts'
		]);
		for (const file of files) {
			const committed = await readFile(file.path, 'utf8').catch(() => '(missing)');
			expect(committed, `${file.path} is stale: run npm run db:types`).toBe(file.text);
		}
	});

	it('take the stage list and its Chinese names from public.project_stages, in order', () => {
		const stages = files.find((f) => f.path.endsWith('stages.gen.ts'))?.text ?? '';
		expect(stages).toContain(
			"export const STAGES = ['preparation', 'approval', 'tendering', 'construction', 'acceptance', 'archived'] as const;"
		);
		expect(stages).toContain("\tconstruction: '工程实施',");
	});

	it('type the columns that refer to the stages, and the check-listed ones, by their lists', () => {
		const schema = files[0].text;
		expect(schema).toContain("project_stage: 'preparation' | 'approval' | 'tendering' | 'construction' | 'acceptance' | 'archived';");
		for (const table of ['renovation_projects', 'project_milestones']) {
			expect(section(schema, table, 'Row')).toContain("stage: Database['public']['Enums']['project_stage'];");
		}
		expect(section(schema, 'project_stages', 'Row')).toContain("code: Database['public']['Enums']['project_stage'];");
		expect(schema).toContain("elevator: Database['public']['Enums']['buildings_elevator'];");
	});
});

describe('the type generator', () => {
	let db: Database;
	let rendered: string;
	const probe = (part: 'Row' | 'Insert' | 'Update') => section(rendered, 'typegen_probe', part);

	beforeAll(async () => {
		db = await openPglite('memory://');
		await migrate(db);
		await db.exec(`
			create table public.typegen_probe (
			  id bigint generated always as identity primary key,
			  label text not null default 'x',
			  note varchar(20),
			  mood text not null check (mood in ('it''s fine', 'bad')),
			  shape extensions.geometry(Point, 4326),
			  tags text[] not null,
			  amounts numeric[],
			  at timestamptz not null,
			  doubled integer generated always as (length(label) * 2) stored,
			  stage text references public.project_stages (code) unique
			);`);
		rendered = renderSchema(await readSchema(db));
	});
	afterAll(() => db?.close());

	it('maps column types, with null for nullable columns', () => {
		const row = probe('Row');
		expect(row).toContain('id: number;');
		expect(row).toContain('note: string | null;');
		expect(row).toContain('shape: string | null;');
		expect(row).toContain('tags: string[];');
		expect(row).toContain('amounts: number[] | null;');
		expect(row).toContain('at: string;');
	});

	it('makes defaults optional on insert and refuses generated-always columns on insert and update', () => {
		const insert = probe('Insert');
		expect(insert).toContain('label?: string;');
		expect(insert).toContain('at: string;');
		expect(insert).toContain('id?: never;');
		expect(insert).toContain('doubled?: never;');
		expect(probe('Update')).toContain('doubled?: never;');
		expect(probe('Update')).toContain('at?: string;');
	});

	it('reads a check constraint’s values, quotes and all, and a lookup table’s keys as enums', () => {
		expect(rendered).toContain("typegen_probe_mood: 'it\\'s fine' | 'bad';");
		expect(probe('Row')).toContain("stage: Database['public']['Enums']['project_stage'] | null;");
		expect(rendered).toMatch(/foreignKeyName: 'typegen_probe_stage_fkey';\n\t+columns: \['stage'\];\n\t+isOneToOne: true;/);
	});

	it('renders a function of the public schema as the Supabase CLI does: optional defaults, a table as rows', async () => {
		await db.exec(`create function public.typegen_rows(a integer, b text default 'x') returns table (n integer, tags text[])
		  language sql as $$ select a, array[b] $$;
		  create function public.typegen_scalar(at date) returns boolean language sql as $$ select true $$;`);
		const schema = renderSchema(await readSchema(db));
		await db.exec(`drop function public.typegen_rows(integer, text); drop function public.typegen_scalar(date)`);
		expect(schema).toMatch(/typegen_rows: \{\n\t+Args: \{\n\t+a: number;\n\t+b\?: string;\n\t+\};\n\t+Returns: \{\n\t+n: number;\n\t+tags: string\[\];\n\t+\}\[\];/);
		expect(schema).toMatch(/typegen_scalar: \{\n\t+Args: \{\n\t+at: string;\n\t+\};\n\t+Returns: boolean;/);
	});

	it('refuses a column type it has no mapping for rather than guess', async () => {
		await db.exec(`create table public.typegen_unmapped (span int4range)`);
		await expect(readSchema(db).then(renderSchema)).rejects.toThrow(/typegen_unmapped\.span \(int4range\)/);
		await db.exec(`drop table public.typegen_unmapped`);
	});
});
