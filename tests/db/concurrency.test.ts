import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCaller, type Caller } from '../../src/lib/server/db/roles';
import type { Database, Queryable } from '../../src/lib/server/db/types';
import { backends, openSeeded, type Scratch } from './backends';
import { addFixture, COMMUNITY, USER } from './matrix/fixture';
import { callerOf } from './matrix/subjects';

const editorA = callerOf('editorA');
const editorB = callerOf('editorB');
const planner = callerOf('planner');

// "No silent overwrite": the app saves `where version = <the version the user loaded>`.
const SAVE = `update public.communities set households = $2 where id = $1 and version = $3 returning version`;

async function load(db: Database, caller: Caller, id: string): Promise<{ version: number; households: number }> {
	const [row] = await asCaller(db, caller, (tx) =>
		tx.query<{ version: number; households: number }>('select version, households from public.communities where id = $1', [id])
	);
	return row;
}

function save(tx: Queryable, id: string, households: number, version: number): Promise<{ version: number }[]> {
	return tx.query<{ version: number }>(SAVE, [id, households, version]);
}

/** Who changed a community last, as the one whose save was refused may read it. */
async function lastChange(db: Database, caller: Caller, id: string) {
	const [row] = await asCaller(db, caller, (tx) =>
		tx.query<{ actor_id: string; new_values: Record<string, unknown> }>(
			`select actor_id, new_values from public.audit_log
			 where table_name = 'communities' and row_id = $1 order by id desc limit 1`,
			[id]
		)
	);
	return row;
}

describe.each(backends)('two saves of the same community on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addFixture(scratch.db);
	});
	afterAll(() => scratch?.dispose());

	it('the first raises the version, the second finds it moved and changes nothing', async () => {
		const id = COMMUNITY.A;
		const seenByEditor = await load(scratch.db, editorA, id);
		const seenByPlanner = await load(scratch.db, planner, id);
		expect(seenByPlanner.version).toBe(seenByEditor.version);

		const first = await asCaller(scratch.db, editorA, (tx) => save(tx, id, 111, seenByEditor.version));
		expect(first).toEqual([{ version: seenByEditor.version + 1 }]);
		const second = await asCaller(scratch.db, planner, (tx) => save(tx, id, 222, seenByPlanner.version));
		expect(second).toEqual([]);

		expect(await load(scratch.db, planner, id)).toEqual({ version: seenByEditor.version + 1, households: 111 });
		expect(await lastChange(scratch.db, planner, id)).toEqual({ actor_id: USER.editorA, new_values: { households: 111 } });
	});

	// PGlite serves one connection at a time; only a server has two sessions in flight.
	it.skipIf(backend.name !== 'postgres')(
		'with both in flight, the second waits for the first’s row lock, then finds the version moved',
		async () => {
			const id = COMMUNITY.B;
			const loaded = await load(scratch.db, planner, id);
			let firstSaved!: () => void;
			const firstHasSaved = new Promise<void>((resolve) => (firstSaved = resolve));

			const first = asCaller(scratch.db, editorB, async (tx) => {
				const saved = await save(tx, id, 333, loaded.version);
				firstSaved();
				await waitUntilBlocked(scratch.db);
				return saved;
			});
			await firstHasSaved;
			const second = asCaller(scratch.db, planner, (tx) => save(tx, id, 444, loaded.version));

			expect(await first).toEqual([{ version: loaded.version + 1 }]);
			expect(await second).toEqual([]);
			expect(await load(scratch.db, planner, id)).toEqual({ version: loaded.version + 1, households: 333 });
			expect(await lastChange(scratch.db, planner, id)).toEqual({ actor_id: USER.editorB, new_values: { households: 333 } });
		}
	);
});

/** Waits until another session of this database waits for a row lock (the second save). */
async function waitUntilBlocked(db: Database): Promise<void> {
	for (let i = 0; i < 200; i++) {
		const [{ waiting }] = await db.query<{ waiting: number }>(
			`select count(*)::int as waiting from pg_stat_activity
			 where datname = current_database() and wait_event_type = 'Lock' and query like 'update public.communities%'`
		);
		if (waiting > 0) return;
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
	throw new Error('the second save never waited for the row lock');
}
