import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/types';
import { backends, openSeeded, type Scratch } from './backends';
import { addFixture } from './matrix/fixture';
import { addFacilityFixture } from './matrix/facility-fixture';
import { addFeedbackFixture } from './matrix/feedback-fixture';
import { addPipeFixture } from './matrix/pipe-fixture';
import { addScheduleFixture } from './matrix/schedule-fixture';
import { succeeding } from './matrix/run';
import { SUBJECTS, within } from './matrix/subjects';
import { expected, OPS, tableSpec } from './matrix/table';

/** One safeguard taken away: a policy, or a trigger that refuses what policies cannot. */
interface Mutation {
	title: string;
	table: string;
	drop: string;
}

// Read from the catalogue, so a policy or guard trigger added later is covered without a
// change here: every one must make some cell of the role matrix come out differently.
async function mutationsOf(db: Database): Promise<Mutation[]> {
	return db.query<Mutation>(
		`select format('policy "%s" on %s', p.polname, t.name) as title, t.name as table,
		        format('drop policy %I on %s', p.polname, t.name) as drop
		 from pg_policy p
		 join (select c.oid, n.nspname || '.' || c.relname as name, n.nspname
		       from pg_class c join pg_namespace n on n.oid = c.relnamespace) t on t.oid = p.polrelid
		 where t.nspname in ('public', 'accounts')
		 union all
		 select format('trigger %s on %s', g.tgname, t.name), t.name, format('drop trigger %I on %s', g.tgname, t.name)
		 from pg_trigger g
		 join pg_proc f on f.oid = g.tgfoid
		 join (select c.oid, n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace) t
		   on t.oid = g.tgrelid
		 where not g.tgisinternal and f.pronamespace = 'private'::regnamespace
		   and f.proname in ('keep_columns_from_editors', 'refuse_audit_change')
		 order by 2, 1`
	);
}

/** The first cell of the table's matrix that disagrees with the role table, or null. */
async function firstDisagreement(db: Database, mutation: Mutation): Promise<string | null> {
	const spec = tableSpec(mutation.table);
	for (const who of SUBJECTS) {
		const found = await within(
			db,
			who,
			async (tx) => {
				for (const op of OPS) {
					const want = expected(spec, op, who.name);
					const got = await succeeding(tx, spec, op);
					if (got.join() !== want.join()) return `${who.name} ${op}: [${got.join(', ')}] instead of [${want.join(', ')}]`;
				}
				return null;
			},
			(tx) => tx.exec(mutation.drop)
		);
		if (found) return found;
	}
	return null;
}

// Opened while the file is collected, so that each policy found in the catalogue is a test.
// One after the other: PGlite's start-up holds the event loop long enough for a PostgreSQL
// connection attempt made alongside it to time out.
const opened: { name: string; scratch: Scratch; mutations: Mutation[] }[] = [];
for (const backend of backends) {
	const scratch = await openSeeded(backend);
	await addFixture(scratch.db);
	await addScheduleFixture(scratch.db);
	await addPipeFixture(scratch.db);
	await addFacilityFixture(scratch.db);
	await addFeedbackFixture(scratch.db);
	opened.push({ name: backend.name, scratch, mutations: await mutationsOf(scratch.db) });
}
afterAll(() => Promise.all(opened.map((o) => o.scratch.dispose())));

describe.each(opened)('every safeguard matters on $name', ({ scratch, mutations }) => {
	it('finds the guard triggers: editors’ columns on four tables, the audit log append-only', () => {
		const triggers = mutations.filter((m) => m.title.startsWith('trigger')).map((m) => m.table);
		expect(triggers).toEqual([
			'public.audit_log',
			'public.audit_log',
			'public.buildings',
			'public.communities',
			'public.project_milestones',
			'public.renovation_projects'
		]);
	});

	it.each(mutations.map((m) => [m.title, m] as const))('without %s, the matrix disagrees', async (_title, mutation) => {
		expect(await firstDisagreement(scratch.db, mutation), 'no cell changed').not.toBeNull();
	});
});
