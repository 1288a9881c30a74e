import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCaller } from '../../src/lib/server/db/roles';
import type { Queryable } from '../../src/lib/server/db/types';
import { backends, openSeeded, type Scratch } from './backends';
import { type AuditRecord, WRITES } from './audit-writes';
import { addFixture, BUILDING, COMMUNITY, STAFF, SUBDISTRICT, USER, type StaffKey } from './matrix/fixture';
import { asOwner } from './matrix/run';
import { callerOf, subject, SUBJECTS, within } from './matrix/subjects';

const RECORD_COLUMNS = `table_name, row_id, action, actor_id, actor_name, actor_role, community_id, subdistrict_code,
  old_values, new_values, transaction_id = txid_current() as same_transaction`;

// The log is read as the owner, not through the policy under test.

/** The newest record's id, on the owner's connection or in a transaction as anyone. */
async function lastId(q: Queryable, inTransaction = true): Promise<number> {
	const read = () => q.query<{ id: number }>('select coalesce(max(id), 0)::int as id from public.audit_log');
	const [{ id }] = inTransaction ? await asOwner(q, read) : await read();
	return id;
}

/** Records written after `since`. */
function recordsSince(tx: Queryable, since: number): Promise<AuditRecord[]> {
	return asOwner(tx, () => tx.query<AuditRecord>(`select ${RECORD_COLUMNS} from public.audit_log where id > $1 order by id`, [since]));
}

function actor(key: StaffKey) {
	const staff = STAFF.find((s) => s.key === key);
	if (!staff) throw new Error(`no staff ${key}`);
	return { actor_id: USER[key], actor_name: staff.name, actor_role: staff.role };
}

const A = SUBDISTRICT.A;

describe.each(backends)('the record (审计) on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addFixture(scratch.db);
	});
	afterAll(() => scratch?.dispose());

	it('has a case for each kind of write on each audited table', async () => {
		// The kinds each trigger records, from its event bits (feedback records moderation only).
		const audited = await scratch.db.query<{ write: string }>(
			`select distinct c.relname || ' ' || e.action as write from pg_trigger g join pg_class c on c.oid = g.tgrelid
			 join pg_proc f on f.oid = g.tgfoid
			 cross join (values ('insert', 4), ('delete', 8), ('update', 16)) e(action, bit)
			 where f.proname = 'record_change' and not g.tgisinternal and g.tgtype::int & e.bit <> 0`
		);
		const covered = [...new Set(WRITES.map((w) => `${w.record.table_name} ${w.record.action}`))].sort();
		expect(covered).toEqual(audited.map((a) => a.write).sort());
	});

	it.each(WRITES.map((w) => [w.what, w] as const))('%s: exactly one record, with the actor and the values', async (_what, write) => {
		const { before } = write;
		const records = await within(
			scratch.db,
			subject(write.by),
			async (tx) => {
				const since = await lastId(tx);
				await tx.query(write.sql);
				return recordsSince(tx, since);
			},
			before ? (tx) => tx.exec(before) : undefined
		);
		expect(records).toEqual([{ ...write.record, ...actor(write.by), same_transaction: true }]);
	});

	it('gives every write of one transaction the same transaction id, and another transaction another', async () => {
		const planner = callerOf('planner');
		const write = (households: number) => `update public.communities set households = ${households} where id = '${COMMUNITY.B}'`;
		const since = await lastId(scratch.db, false);
		await asCaller(scratch.db, planner, async (tx) => {
			await tx.query(write(201));
			await tx.query(`update public.buildings set households = 21 where id = '${BUILDING.B}'`);
		});
		await asCaller(scratch.db, planner, (tx) => tx.query(write(202)));
		const records = await scratch.db.query<{ table_name: string; transaction_id: number }>(
			'select table_name, transaction_id from public.audit_log where id > $1 order by id',
			[since]
		);
		expect(records.map((r) => r.table_name)).toEqual(['communities', 'buildings', 'communities']);
		expect(records[1].transaction_id).toBe(records[0].transaction_id);
		expect(records[2].transaction_id).not.toBe(records[0].transaction_id);
	});

	it('keeps nothing of a write that was rolled back', async () => {
		const planner = callerOf('planner');
		const since = await lastId(scratch.db, false);
		const failing = asCaller(scratch.db, planner, async (tx) => {
			await tx.query(`update public.communities set households = 999 where id = '${COMMUNITY.B}'`);
			throw new Error('the save failed after the write');
		});
		await expect(failing).rejects.toThrow(/the save failed/);
		expect(await lastId(scratch.db, false)).toBe(since);
		const [{ households }] = await scratch.db.query<{ households: number }>(
			'select households from public.communities where id = $1',
			[COMMUNITY.B]
		);
		expect(households).not.toBe(999);
	});

	it('records what a removal takes with it, each under the community and its sub-district', async () => {
		const records = await within(scratch.db, subject('planner'), async (tx) => {
			const since = await lastId(tx);
			await tx.query('delete from public.communities where id = $1', [COMMUNITY.A]);
			return recordsSince(tx, since);
		});
		const summary = records.map((r) => `${r.table_name} ${r.action} ${r.community_id} ${r.subdistrict_code}`).sort();
		expect(summary).toEqual(
			['buildings', 'communities', 'funding_lines', 'plan_items', 'project_milestones', 'renovation_projects'].map(
				(t) => `${t} delete ${COMMUNITY.A} ${A}`
			)
		);
	});

	it('records nothing for an update that changes nothing but the version', async () => {
		const { version, records } = await within(scratch.db, subject('editorA'), async (tx) => {
			const since = await lastId(tx);
			await tx.query(`update public.communities set households = households, name = name where id = '${COMMUNITY.A}'`);
			const [row] = await tx.query<{ version: number }>('select version from public.communities where id = $1', [COMMUNITY.A]);
			return { version: row.version, records: await recordsSince(tx, since) };
		});
		expect(version).toBe(2);
		expect(records).toEqual([]);
	});

	it('records a job’s write (no signed-in user) with no actor', async () => {
		const records = await within(scratch.db, subject('service'), async (tx) => {
			const since = await lastId(tx);
			await tx.query(`update public.communities set residents = 77 where id = '${COMMUNITY.B}'`);
			return recordsSince(tx, since);
		});
		expect(records).toEqual([expect.objectContaining({ action: 'update', actor_id: null, actor_name: null, actor_role: null })]);
	});

	describe('is append-only', () => {
		const apiRoles = SUBJECTS.filter((s) => s.caller !== null).map((s) => [s.name, s] as const);
		it.each(apiRoles)('%s may neither change, remove nor truncate a record: no privilege', async (_name, who) => {
			for (const sql of [
				`update public.audit_log set actor_name = '篡改'`,
				`delete from public.audit_log`,
				`truncate public.audit_log`
			]) {
				await expect(within(scratch.db, who, (tx) => tx.query(sql)), sql).rejects.toThrow(/permission denied for (table|relation) audit_log/);
			}
		});

		it.each([
			['change', `update public.audit_log set actor_name = '篡改'`],
			['remove', `delete from public.audit_log`],
			['truncate', `truncate public.audit_log`]
		])('the owner cannot %s a record either: the trigger refuses', async (_what, sql) => {
			await expect(within(scratch.db, subject('owner'), (tx) => tx.query(sql))).rejects.toThrow(/the audit log is append-only/);
		});
	});
});
