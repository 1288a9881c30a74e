import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/lib/server/db/pglite';
import type { Database } from '../../src/lib/server/db/types';
import { LocalFrame } from './frame';
import { DEFAULT_SEED, generateSeedDataset } from './generate';
import { generatePipes } from './pipes';
import { NODE_COLUMNS, SEGMENT_COLUMNS, renderPipesSql } from './pipes-sql';
import { Rng } from './rng';

const data = generateSeedDataset();
const pipes = generatePipes(new Rng(DEFAULT_SEED).fork('pipes'), new LocalFrame([118.05, 36.8]), data);
const sql = renderPipesSql(pipes);

/**
 * The columns and types of the shared data contract for issue 8, without the keys, checks
 * and policies of its migration: enough to prove the rows load as the types they must be.
 * Once the migration is merged, the seed test covers this on the real tables.
 */
const CONTRACT_TABLES = `
create schema if not exists extensions;
create extension if not exists postgis schema extensions;
create table public.pipe_segments (
	id uuid primary key, community_id uuid not null, pipeline_type text not null, material text not null,
	diameter_mm int, section text, depth_start_m numeric(5,2) not null, depth_end_m numeric(5,2) not null,
	owner text not null, state text not null, renewed_on date,
	geom extensions.geometry(LineStringZ, 4326) not null, is_demo boolean not null default false
);
create table public.pipe_nodes (
	id uuid primary key, community_id uuid not null, pipeline_type text not null, kind text not null,
	depth_m numeric(5,2) not null, state text, geom extensions.geometry(PointZ, 4326), is_demo boolean not null default false
);`;

describe('the pipelines’ seed SQL', () => {
	it('inserts each table once, leaving rows already there alone', () => {
		expect(sql.match(/insert into public\.pipe_segments \(/g)).toHaveLength(1);
		expect(sql.match(/insert into public\.pipe_nodes \(/g)).toHaveLength(1);
		expect(sql.match(/on conflict do nothing;/g)).toHaveLength(2);
		expect(sql).toContain(`(${SEGMENT_COLUMNS.join(', ')})`);
		expect(sql).toContain(`(${NODE_COLUMNS.join(', ')})`);
		expect(sql).not.toMatch(/^\s*(begin|commit|rollback)\b/im);
	});

	describe('loaded into tables of the contract’s shape', () => {
		let db: Database;
		beforeAll(async () => {
			db = await openPglite('memory://');
			await db.exec(CONTRACT_TABLES);
			await db.exec(sql);
		}, 120_000);
		afterAll(() => db.close());

		it('gives back every row, and running it again adds none', async () => {
			await db.exec(sql);
			const [counts] = await db.query<{ segments: number; nodes: number }>(
				'select (select count(*)::int from public.pipe_segments) as segments, (select count(*)::int from public.pipe_nodes) as nodes'
			);
			expect(counts).toEqual({ segments: pipes.pipeSegments.length, nodes: pipes.pipeNodes.length });
		});

		it('keeps the depths in z: each end at minus its depth, every line valid', async () => {
			const [wrong] = await db.query<{ n: number }>(`
				select count(*)::int as n from public.pipe_segments
				where not extensions.st_isvalid(geom)
					or extensions.st_z(extensions.st_startpoint(geom)) <> -depth_start_m
					or extensions.st_z(extensions.st_endpoint(geom)) <> -depth_end_m`);
			expect(wrong.n).toBe(0);
			const [nodes] = await db.query<{ n: number }>(
				'select count(*)::int as n from public.pipe_nodes where extensions.st_z(geom) <> -depth_m'
			);
			expect(nodes.n).toBe(0);
		});

		it('stores a renewal date for renewed segments only', async () => {
			const rows = await db.query<{ state: string; dated: boolean; n: number }>(
				'select state, renewed_on is not null as dated, count(*)::int as n from public.pipe_segments group by 1, 2 order by 1, 2'
			);
			expect(rows.filter((r) => r.dated).map((r) => r.state)).toEqual(['renewed']);
			expect(rows.some((r) => r.state === 'renewed' && !r.dated)).toBe(false);
		});
	});
});
