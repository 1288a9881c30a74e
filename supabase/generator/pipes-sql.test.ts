import { describe, expect, it } from 'vitest';
import { LocalFrame } from './frame';
import { DEFAULT_SEED, generateSeedDataset } from './generate';
import { generatePipes } from './pipes';
import { NODE_COLUMNS, SEGMENT_COLUMNS, renderPipesSql } from './pipes-sql';
import { Rng } from './rng';

const data = generateSeedDataset();
const pipes = generatePipes(new Rng(DEFAULT_SEED).fork('pipes'), new LocalFrame([118.05, 36.8]), data);
const sql = renderPipesSql(pipes);

describe('the pipelines’ seed SQL', () => {
	it('inserts each table once, leaving rows already there alone', () => {
		expect(sql.match(/insert into public\.pipe_segments \(/g)).toHaveLength(1);
		expect(sql.match(/insert into public\.pipe_nodes \(/g)).toHaveLength(1);
		expect(sql.match(/on conflict do nothing;/g)).toHaveLength(2);
		expect(sql).toContain(`(${SEGMENT_COLUMNS.join(', ')})`);
		expect(sql).toContain(`(${NODE_COLUMNS.join(', ')})`);
		expect(sql).not.toMatch(/^\s*(begin|commit|rollback)\b/im);
	});

	it('writes the insert entries of the record in one statement per table, with the row-by-row record off meanwhile', () => {
		const order = ['disable trigger pipe_segments_record_change', 'insert into public.pipe_segments (', "select 'pipe_segments'", 'enable trigger pipe_segments_record_change'];
		const at = order.map((s) => sql.indexOf(s));
		expect(at.every((i) => i >= 0)).toBe(true);
		expect([...at].sort((a, b) => a - b)).toEqual(at);
		expect(sql.match(/^insert into public\.audit_log /gm)).toHaveLength(2);
	});
});
