import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, openSeeded, type Scratch } from './backends';
import { addFixture } from './matrix/fixture';
import { addFacilityFixture } from './matrix/facility-fixture';
import { addFeedbackFixture } from './matrix/feedback-fixture';
import { addPipeFixture } from './matrix/pipe-fixture';
import { addScheduleFixture } from './matrix/schedule-fixture';
import { succeeding } from './matrix/run';
import { SUBJECTS, within } from './matrix/subjects';
import { expected, MATRIX, OPS } from './matrix/table';

// The role table of issue 6, cell by cell: every subject × every table × every operation,
// each an attempt in a transaction that is rolled back.
describe.each(backends)('the role matrix on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addFixture(scratch.db);
		await addScheduleFixture(scratch.db);
		await addPipeFixture(scratch.db);
		await addFacilityFixture(scratch.db);
		await addFeedbackFixture(scratch.db);
	});
	afterAll(() => scratch?.dispose());

	it('covers every table of the public and accounts schemas', async () => {
		const tables = await scratch.db.query<{ name: string }>(
			`select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname in ('public', 'accounts') and c.relkind in ('r', 'p') order by 1`
		);
		expect(MATRIX.map((t) => t.table).sort()).toEqual(tables.map((t) => t.name));
	});

	it('gives the public no write grant at all, so its refusals never rest on a policy alone', async () => {
		const writable = await scratch.db.query<{ name: string }>(
			`select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname in ('public', 'accounts') and c.relkind in ('r', 'p')
			   and has_table_privilege('anon', c.oid, 'insert, update, delete, truncate')`
		);
		expect(writable).toEqual([]);
	});

	it('lets some subject succeed at every probe but the audit log rewrites, so a refusal means something', () => {
		const never = MATRIX.flatMap((spec) =>
			OPS.flatMap((op) =>
				spec.probes[op]
					.filter((p) => !SUBJECTS.some((s) => expected(spec, op, s.name).includes(p.label)))
					.map((p) => `${spec.table} ${op} ${p.label}`)
			)
		);
		expect(never).toEqual([
			'public.audit_log update A',
			'public.audit_log delete A',
			'public.audit_log delete truncate',
			'public.milestone_replans update A',
			'public.milestone_replans update B'
		]);
	});

	describe.each(MATRIX.map((spec) => [spec.table, spec] as const))('%s', (_table, spec) => {
		const cells = SUBJECTS.flatMap((who) =>
			OPS.map((op) => {
				const allowed = expected(spec, op, who.name);
				return [`${who.name} ${op}: ${allowed.join(', ') || 'nothing'}`, { who, op, allowed }] as const;
			})
		);
		it.each(cells)('%s', async (_title, { who, op, allowed }) => {
			expect(await within(scratch.db, who, (tx) => succeeding(tx, spec, op))).toEqual(allowed);
		});
	});
});
