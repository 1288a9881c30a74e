import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSeedDataset } from './generate';
import { renderSeedSql } from './sql';

const committed = readFileSync(new URL('../../supabase/seed.sql', import.meta.url), 'utf8');

/** Every table the seed fills, each with one insert. */
const SEEDED_TABLES = [
	'districts',
	'subdistricts',
	'communities',
	'buildings',
	'renovation_projects',
	'project_milestones',
	'milestone_replans',
	'candidate_submissions',
	'renovation_targets',
	'plan_items',
	'funding_lines',
	'pipe_segments',
	'pipe_nodes',
	'facilities'
];

describe('supabase/seed.sql', () => {
	it('is up to date: regenerating gives the committed file byte for byte (run `npm run seed`)', () => {
		expect(renderSeedSql(generateSeedDataset())).toBe(committed);
	});

	it('says it is generated demo data', () => {
		const header = committed.slice(0, 600);
		expect(header).toContain('npm run seed');
		expect(header).toContain('示例数据');
		expect(header).toMatch(/do not edit/i);
	});

	it('leaves the transaction to the runner and inserts each table once', () => {
		expect(committed).not.toMatch(/^\s*(begin|commit|rollback)\b/im);
		for (const table of SEEDED_TABLES)
			expect(committed.match(new RegExp(`insert into public\\.${table} \\(`, 'g'))).toHaveLength(1);
	});

	it('stores geometries in WGS84 with at most 7 decimals', () => {
		const geometries = [...committed.matchAll(/extensions\.st_setsrid\(extensions\.st_geomfromgeojson\('([^']*)'\), 4326\)/g)].map((m) => m[1]);
		const data = generateSeedDataset();
		expect(geometries).toHaveLength(1 + 13 + 22 + 296 + data.pipeSegments.length + data.pipeNodes.length + data.facilities.length);
		for (const g of geometries) {
			const numbers = g.match(/-?\d+(\.\d+)?/g) ?? [];
			for (const n of numbers) expect(n.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(7);
		}
	});

	it('can run again: every insert leaves rows already there alone', () => {
		expect(committed.match(/^on conflict do nothing;$/gm)).toHaveLength(SEEDED_TABLES.length);
	});

	it('escapes quotes in text values', () => {
		const data = generateSeedDataset();
		data.communities[0].name = "O'Brien 宿舍";
		expect(renderSeedSql(data)).toContain("'O''Brien 宿舍'");
	});
});
