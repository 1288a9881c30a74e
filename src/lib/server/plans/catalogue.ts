import { z } from 'zod';
import { catalogueItemSchema, keepsCatalogue, newCatalogueItemSchema, type CatalogueItemValues, type KeptCatalogueItem } from '$lib/domain/catalogue';
import { fieldErrors, versioned } from '$lib/domain/input';
import type { Caller, Database, Queryable } from '../db';
import { readChanges } from '../history/changes';
import { isRowId, refuse, type Outcome } from '../writes/outcome';
import { forbiddenFor, runAs } from '../writes/run';

/**
 * The planners' side of the renovation catalogue: list, add, change, retire and remove
 * items, each in one transaction as the caller, so the table's policies decide (planners
 * and admins write; the check below only spares others a page that cannot work) and a
 * refusal leaves nothing behind. Every answer is the whole catalogue as it now stands.
 */

const actorOf = (caller: Caller) => (caller.role === 'authenticated' ? caller : null);

// The newest record entry of each item (audit rows of the catalogue belong to no
// community) and the plan items naming it, which planners all see.
const SELECT_KEPT = `
  select k.id, k.code, k.item_class as "itemClass", k.part, k.unit, k.is_service_room as "isServiceRoom",
         k.name_zh as "nameZh", k.name_en as "nameEn", k.retired_at is not null as retired, k.version,
         coalesce((select max(a.id) from public.audit_log a
                   where a.table_name = 'renovation_catalogue' and a.row_id = k.id::text), 0)::int as seen,
         (select count(*) from public.plan_items i where i.catalogue_code = k.code)::int as uses
  from public.renovation_catalogue k`;

type Row = KeptCatalogueItem;

async function selectKept(tx: Queryable): Promise<Row[]> {
	return tx.query<Row>(`${SELECT_KEPT} order by k.ordinal`);
}

function mayKeep(caller: Caller): void {
	if (!keepsCatalogue(actorOf(caller))) refuse(forbiddenFor(caller));
}

/** The whole catalogue with versions and uses, for planners and admins; 403 for everyone else. */
export function listKeptCatalogue(caller: Caller, db?: Database): Promise<Outcome<Row[]>> {
	return runAs(caller, db, async (tx) => {
		mayKeep(caller);
		return selectKept(tx);
	});
}

const invalid = (error: z.ZodError, within: string[] = []) => ({ ok: false as const, refusal: { kind: 'invalid' as const, fields: fieldErrors(error, within) } });

// retired_at keeps the first retirement's time through later saves of a retired item.
const COLUMNS = `item_class = $3, part = $4, unit = $5, is_service_room = $6, name_zh = $7, name_en = $8,
  retired_at = case when $9::boolean then coalesce(retired_at, now()) end`;
const params = (v: CatalogueItemValues) => [v.itemClass, v.part, v.unit, v.isServiceRoom, v.nameZh, v.nameEn, v.retired];

/** Adds an item at the end of the catalogue; 400 when its code is taken. */
export function addCatalogueItem(caller: Caller, body: unknown, db?: Database): Promise<Outcome<Row[]>> {
	const parsed = newCatalogueItemSchema.safeParse(body);
	if (!parsed.success) return Promise.resolve(invalid(parsed.error));
	const v = parsed.data;
	return runAs(caller, db, async (tx) => {
		mayKeep(caller);
		const taken = await tx.query(`select 1 from public.renovation_catalogue where code = $1`, [v.code]);
		if (taken.length) refuse({ kind: 'invalid', fields: { code: { key: 'catalogue.error.codeTaken' } } });
		await tx.query(
			`insert into public.renovation_catalogue (code, ordinal, item_class, part, unit, is_service_room, name_zh, name_en, retired_at)
			 select $1, coalesce(max(ordinal), 0) + 1, $2, $3, $4, $5, $6, $7, case when $8::boolean then now() end
			 from public.renovation_catalogue`,
			[v.code, ...params(v)]
		);
		return selectKept(tx);
	});
}

/** The item `id` names, or 404. */
async function itemOrRefuse(tx: Queryable, id: string): Promise<Row> {
	if (!isRowId(id)) return refuse({ kind: 'not_found' });
	const [row] = await tx.query<Row>(`${SELECT_KEPT} where k.id = $1`, [id]);
	return row ?? refuse({ kind: 'not_found' });
}

/**
 * Nothing was written: 403 when the caller may not change the item (its update policy hides
 * it from `for update`), or 409 with the record entries after `seen` and the catalogue as it
 * stands when the version has moved on.
 */
async function explain(tx: Queryable, caller: Caller, id: string, version: number, seen: number): Promise<never> {
	const lockable = await tx.query<{ version: number }>(`select version from public.renovation_catalogue where id = $1 for update`, [id]);
	if (!lockable.length || lockable[0].version === version) return refuse(forbiddenFor(caller));
	const changes = await readChanges(tx, {
		communityId: null,
		after: seen,
		where: `a.table_name = 'renovation_catalogue' and a.row_id = $3`,
		params: [id]
	});
	return refuse({ kind: 'conflict', changes, current: await selectKept(tx) });
}

/** Changes item `id` ({ version, seen, values }): class, part, unit, service room, names, retired. */
export function saveCatalogueItem(caller: Caller, id: string, body: unknown, db?: Database): Promise<Outcome<Row[]>> {
	const parsed = versioned(catalogueItemSchema).safeParse(body);
	if (!parsed.success) return Promise.resolve(invalid(parsed.error, ['values']));
	const { version, seen, values } = parsed.data;
	return runAs(caller, db, async (tx) => {
		mayKeep(caller);
		await itemOrRefuse(tx, id);
		const saved = await tx.query(`update public.renovation_catalogue set ${COLUMNS} where id = $1 and version = $2 returning id`, [
			id,
			version,
			...params(values)
		]);
		if (!saved.length) await explain(tx, caller, id, version, seen);
		return selectKept(tx);
	});
}

const removal = z.object({
	version: z.int({ error: 'edit.error.version' }).min(1, { error: 'edit.error.version' }),
	seen: z.int({ error: 'edit.error.version' }).min(0, { error: 'edit.error.version' })
});

/**
 * Removes item `id` ({ version, seen }) that no plan names; one in use is refused with 400
 * and the advice to retire it (the database's reference would refuse it anyway).
 */
export function removeCatalogueItem(caller: Caller, id: string, body: unknown, db?: Database): Promise<Outcome<Row[]>> {
	const parsed = removal.safeParse(body);
	if (!parsed.success) return Promise.resolve(invalid(parsed.error));
	const { version, seen } = parsed.data;
	return runAs(caller, db, async (tx) => {
		mayKeep(caller);
		const item = await itemOrRefuse(tx, id);
		if (item.uses > 0) refuse({ kind: 'invalid', fields: { _form: { key: 'catalogue.error.inUse', values: { count: item.uses } } } });
		const gone = await tx.query(`delete from public.renovation_catalogue where id = $1 and version = $2 returning id`, [id, version]);
		if (!gone.length) await explain(tx, caller, id, version, seen);
		return selectKept(tx);
	});
}
