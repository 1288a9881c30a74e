import type { Queryable } from '../../../src/lib/server/db/types';
import type { Op, Probe, TableSpec } from './table';

/** insufficient_privilege: no grant, a row-level security check, or a trigger refusing. */
const REFUSED = '42501';

function codeOf(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Runs `fn` in a savepoint that is always rolled back: what it changes, the role included, is undone. */
async function undone<T>(tx: Queryable, name: string, fn: () => Promise<T>): Promise<T> {
	await tx.query(`savepoint ${name}`);
	try {
		return await fn();
	} finally {
		await tx.query(`rollback to savepoint ${name}`);
	}
}

/**
 * Runs `fn` with the owner's rights, inside a transaction that runs as someone else (the
 * connection is the owner's), and returns to that role afterwards.
 */
export function asOwner<T>(tx: Queryable, fn: () => Promise<T>): Promise<T> {
	return undone(tx, 'owner_view', async () => {
		await tx.query('reset role');
		return fn();
	});
}

/** The probed rows as the owner sees them: how many, and a fingerprint of their contents. */
function measure(tx: Queryable, table: string, probe: Probe): Promise<{ n: number; print: string }> {
	return asOwner(tx, async () => {
		const [row] = await tx.query<{ n: number; print: string }>(
			`select count(*)::int as n, coalesce(string_agg(md5(t::text), ',' order by md5(t::text)), '') as print
			 from ${table} t where ${probe.target}`
		);
		return row;
	});
}

/** Runs the statement as the current role; false when it was refused. */
async function attempt(tx: Queryable, sql: string, where: string): Promise<boolean> {
	try {
		await tx.query(sql);
		return true;
	} catch (error) {
		if (codeOf(error) === REFUSED) return false;
		throw new Error(`${where}: ${sql}\n${error instanceof Error ? error.message : String(error)}`, { cause: error });
	}
}

/**
 * Whether one probe succeeds for whoever the transaction runs as. Reads count the rows the
 * role sees; writes are judged by their effect, as the owner sees it, so an update that
 * row-level security quietly reduces to nothing counts as refused. Anything else than a
 * refusal (a constraint, a typo) is an error: a probe must not fail for the wrong reason.
 */
async function probeSucceeds(tx: Queryable, spec: TableSpec, op: Op, probe: Probe): Promise<boolean> {
	const where = `${spec.table} ${op} ${probe.label}`;
	return undone(tx, 'probe', async () => {
		if (op === 'select') {
			try {
				const [{ n }] = await tx.query<{ n: number }>(`select count(*)::int as n from ${spec.table} where ${probe.target}`);
				return n > 0;
			} catch (error) {
				if (codeOf(error) === REFUSED) return false;
				throw error;
			}
		}
		const before = await measure(tx, spec.table, probe);
		if ((op === 'insert') !== (before.n === 0)) throw new Error(`${where}: the fixture has ${before.n} such rows`);
		const sql =
			op === 'update'
				? `update ${spec.table} set ${probe.set} where ${probe.target}`
				: (probe.sql ?? `delete from ${spec.table} where ${probe.target}`);
		if (!(await attempt(tx, sql, where))) return false;
		const after = await measure(tx, spec.table, probe);
		if (op === 'insert') return after.n > 0;
		if (op === 'delete') return after.n === 0;
		return after.print !== before.print;
	});
}

/** The labels of the probes of `op` that succeed in this transaction, in probe order. */
export async function succeeding(tx: Queryable, spec: TableSpec, op: Op): Promise<string[]> {
	// Probes move planned dates, which needs a reason (20261128090500); the matrix is about
	// who may write, so every probe gives one.
	await tx.query(`select set_config('atlas.replan_reason', 'matrix probe', true)`);
	const done: string[] = [];
	for (const probe of spec.probes[op]) {
		if (await probeSucceeds(tx, spec, op, probe)) done.push(probe.label);
	}
	return done;
}
