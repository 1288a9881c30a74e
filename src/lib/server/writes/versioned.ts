import { z } from 'zod';
import { fieldErrors, versioned } from '$lib/domain/input';
import { rightsOver, type EditRights } from '$lib/domain/permissions';
import { readChanges } from '../history/changes';
import type { Caller, Database, Queryable } from '../db';
import { auditRowsCondition, newestEntrySql, type AuditRows } from './audit-rows';
import { isRowId, refuse, type Outcome } from './outcome';
import { forbiddenFor, runAs } from './run';

/** An editable row as it stands: its values, version and newest record entry. */
export interface Snapshot<T> {
	/** The versioned row (a community, a building, a project). */
	rowId: string;
	communityId: string;
	subdistrictCode: string;
	version: number;
	/** The id of the newest record entry of the row (see newestEntrySql). */
	seen: number;
	values: T;
}

/** What an edit form gets: the row as it stands and what the caller may do with it. */
export interface Editable<T> extends Snapshot<T> {
	rights: EditRights;
}

/** One kind of editable row: how to read and write it, and which record entries are its. */
export interface VersionedResource<T> {
	schema: z.ZodType<T>;
	table: 'communities' | 'buildings' | 'renovation_projects';
	audit: AuditRows;
	/**
	 * The row `id` names (for a project: the community's id), or undefined when the caller
	 * cannot see it. `seenSql` makes the newest-entry column from the SQL of the row's key
	 * and its community's id.
	 */
	read(tx: Queryable, id: string, seenSql: (keySql: string, communitySql: string) => string): Promise<Snapshot<T> | undefined>;
	/** Writes `values` if the row is still at `version`; the new version, or undefined when no row was updated. */
	write(tx: Queryable, current: Snapshot<T>, version: number, values: T): Promise<number | undefined>;
}


/** The public may not read the record at all, so its reads carry no newest entry. */
function seenFor(caller: Caller, rows: AuditRows) {
	return caller.role === 'anon' ? () => '0' : (keySql: string, communitySql: string) => newestEntrySql(rows, keySql, communitySql);
}

function editable<T>(caller: Caller, snapshot: Snapshot<T>): Editable<T> {
	const actor = caller.role === 'authenticated' ? caller : null;
	return { ...snapshot, rights: rightsOver(actor, snapshot.subdistrictCode) };
}

async function readOrRefuse<T>(tx: Queryable, caller: Caller, resource: VersionedResource<T>, id: string): Promise<Snapshot<T>> {
	if (!isRowId(id)) return refuse({ kind: 'not_found' });
	return (await resource.read(tx, id, seenFor(caller, resource.audit))) ?? refuse({ kind: 'not_found' });
}

/** The row `id` names as an edit form needs it, read as `caller`: 404 when it cannot see it. */
export function readEditable<T>(caller: Caller, resource: VersionedResource<T>, id: string, db?: Database): Promise<Outcome<Editable<T>>> {
	return runAs(caller, db, async (tx) => editable(caller, await readOrRefuse(tx, caller, resource, id)));
}

/**
 * Saves `body` ({ version, seen, values }) over the row `id` names, as `caller`, in one
 * transaction. Refused with 400 when the values are invalid (nothing is read or written),
 * 404 when the caller cannot see the row, 403 when it may not write it, and 409 when the
 * row has moved on since `version`: then with the record entries after `seen` (who changed
 * what) and the row as it now stands, so the form can show both and keep the user's input.
 */
export async function saveVersioned<T>(
	caller: Caller,
	resource: VersionedResource<T>,
	id: string,
	body: unknown,
	db?: Database
): Promise<Outcome<Editable<T>>> {
	const parsed = versioned(resource.schema).safeParse(body);
	if (!parsed.success) return { ok: false, refusal: { kind: 'invalid', fields: fieldErrors(parsed.error, ['values']) } };
	const { version, seen, values } = parsed.data;

	return runAs(caller, db, async (tx) => {
		const before = await readOrRefuse(tx, caller, resource, id);
		const written = await resource.write(tx, before, version, values);
		if (written === undefined) await explainRefusedWrite(tx, caller, resource, id, before, version, seen);
		return editable(caller, await readOrRefuse(tx, caller, resource, id));
	});
}

/**
 * No row was updated: ask the database, as the same caller, why. `select … for update`
 * returns the row only when the caller's update policy lets it change it (and fails for the
 * public, which has no update grant). If it may, the version has moved: say what changed.
 */
async function explainRefusedWrite<T>(
	tx: Queryable,
	caller: Caller,
	resource: VersionedResource<T>,
	id: string,
	before: Snapshot<T>,
	version: number,
	seen: number
): Promise<never> {
	const lockable = await tx.query(`select 1 from public.${resource.table} where id = $1 for update`, [before.rowId]);
	if (!lockable.length) return refuse(forbiddenFor(caller));
	// Read again now that the row is locked: the newest committed version.
	const current = await readOrRefuse(tx, caller, resource, id);
	if (current.version === version) return refuse(forbiddenFor(caller));
	const changes = await readChanges(tx, {
		communityId: current.communityId,
		after: seen,
		where: auditRowsCondition(resource.audit, '$3'),
		params: [current.rowId]
	});
	return refuse({ kind: 'conflict', changes, current: editable(caller, current) });
}
