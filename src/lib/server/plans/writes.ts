import { z } from 'zod';
import { fieldErrors, versioned } from '$lib/domain/input';
import {
	fundingLineSchema,
	planItemSchema,
	type CommunityFunding,
	type CommunityPlan,
	type FundingLineValues,
	type PlanItemValues
} from '$lib/domain/plan';
import type { Caller, Database, Queryable } from '../db';
import { readChanges } from '../history/changes';
import { isRowId, refuse, type Outcome } from '../writes/outcome';
import { forbiddenFor, runAs } from '../writes/run';
import { placeOrRefuse, readFundingIn, readPlanIn, type Seen } from './read';

/**
 * Adding, changing and removing the rows of a community's plan and funding, each in one
 * transaction as the caller, so row-level security decides who may and a refusal leaves
 * nothing behind. A change or removal names the version it was made over: when the row has
 * moved on, it is refused with what changed since (409), as the issue-6 forms are.
 */
interface ChildTable<T, R> {
	table: 'plan_items' | 'funding_lines';
	schema: z.ZodType<T>;
	columns: (values: T) => Record<string, unknown>;
	/** What the caller gets back: the community's plan or funding as it now stands. */
	reread: (tx: Queryable, caller: Caller, communityId: string) => Promise<R>;
}

type Plan = Seen<CommunityPlan>;
type Funding = Seen<CommunityFunding>;

const PLAN_ITEMS: ChildTable<PlanItemValues, Plan> = {
	table: 'plan_items',
	schema: planItemSchema,
	columns: (v) => ({
		catalogue_code: v.catalogueCode,
		quantity: v.quantity,
		unit: v.unit,
		budget_yuan: v.budgetYuan,
		building_ids: v.buildingIds,
		status: v.status,
		percent_complete: v.percentComplete,
		note: v.note || null,
		// Dates a client did not send stay as they are (an older client knows nothing of them).
		...(v.startsOn !== undefined && { starts_on: v.startsOn }),
		...(v.finishesOn !== undefined && { finishes_on: v.finishesOn })
	}),
	reread: readPlanIn
};

const FUNDING_LINES: ChildTable<FundingLineValues, Funding> = {
	table: 'funding_lines',
	schema: fundingLineSchema,
	columns: (v) => ({ source: v.source, amount_yuan: v.amountYuan, plan_item_ids: v.planItemIds, note: v.note || null }),
	reread: readFundingIn
};

// Values travel as one JSON parameter and are spread by jsonb_populate_record, so the
// column list is the table's own and no value is ever spliced into the SQL.
async function insertRow<T, R>(tx: Queryable, spec: ChildTable<T, R>, communityId: string, values: T): Promise<void> {
	const columns = Object.keys(spec.columns(values));
	await tx.query(
		`insert into public.${spec.table} (community_id, ${columns.join(', ')})
		 select $1, ${columns.map((c) => `r.${c}`).join(', ')} from jsonb_populate_record(null::public.${spec.table}, $2::jsonb) r`,
		[communityId, JSON.stringify(spec.columns(values))]
	);
}

async function updateRow<T, R>(tx: Queryable, spec: ChildTable<T, R>, id: string, version: number, values: T): Promise<boolean> {
	const columns = Object.keys(spec.columns(values));
	const rows = await tx.query(
		`update public.${spec.table} t set (${columns.join(', ')}) = (select ${columns.map((c) => `r.${c}`).join(', ')}
		   from jsonb_populate_record(null::public.${spec.table}, $3::jsonb) r)
		 where t.id = $1 and t.version = $2 returning t.id`,
		[id, version, JSON.stringify(spec.columns(values))]
	);
	return rows.length > 0;
}

/** The community of a row the caller sees; 404 otherwise. */
async function communityOf(tx: Queryable, table: 'plan_items' | 'funding_lines', id: string): Promise<string> {
	if (!isRowId(id)) return refuse({ kind: 'not_found' });
	const [row] = await tx.query<{ community_id: string }>(`select community_id from public.${table} where id = $1`, [id]);
	return row?.community_id ?? refuse({ kind: 'not_found' });
}

/**
 * Nothing was written: 403 when the caller may not change the row (its update policy hides
 * it from `for update`), or 409 with the record entries after `seen` when the version moved.
 */
async function explain<T, R>(tx: Queryable, caller: Caller, spec: ChildTable<T, R>, id: string, communityId: string, version: number, seen: number): Promise<never> {
	const lockable = await tx.query<{ version: number }>(`select version from public.${spec.table} where id = $1 for update`, [id]);
	if (!lockable.length || lockable[0].version === version) return refuse(forbiddenFor(caller));
	const changes = await readChanges(tx, {
		communityId,
		after: seen,
		where: `a.table_name = '${spec.table}' and a.row_id = $3`,
		params: [id]
	});
	return refuse({ kind: 'conflict', changes, current: await spec.reread(tx, caller, communityId) });
}

const invalid = (error: z.ZodError, within: string[] = []) => ({ ok: false as const, refusal: { kind: 'invalid' as const, fields: fieldErrors(error, within) } });

function add<T, R>(spec: ChildTable<T, R>, caller: Caller, communityId: string, body: unknown, db?: Database): Promise<Outcome<R>> {
	const parsed = spec.schema.safeParse(body);
	if (!parsed.success) return Promise.resolve(invalid(parsed.error));
	return runAs(caller, db, async (tx) => {
		await placeOrRefuse(tx, communityId);
		await insertRow(tx, spec, communityId, parsed.data);
		return spec.reread(tx, caller, communityId);
	});
}

function change<T, R>(spec: ChildTable<T, R>, caller: Caller, id: string, body: unknown, db?: Database): Promise<Outcome<R>> {
	const parsed = versioned(spec.schema).safeParse(body);
	if (!parsed.success) return Promise.resolve(invalid(parsed.error, ['values']));
	const { version, seen, values } = parsed.data;
	return runAs(caller, db, async (tx) => {
		const communityId = await communityOf(tx, spec.table, id);
		if (!(await updateRow(tx, spec, id, version, values))) await explain(tx, caller, spec, id, communityId, version, seen);
		return spec.reread(tx, caller, communityId);
	});
}

const removal = z.object({
	version: z.int({ error: 'edit.error.version' }).min(1, { error: 'edit.error.version' }),
	seen: z.int({ error: 'edit.error.version' }).min(0, { error: 'edit.error.version' })
});

function remove<T, R>(spec: ChildTable<T, R>, caller: Caller, id: string, body: unknown, db?: Database): Promise<Outcome<R>> {
	const parsed = removal.safeParse(body);
	if (!parsed.success) return Promise.resolve(invalid(parsed.error));
	const { version, seen } = parsed.data;
	return runAs(caller, db, async (tx) => {
		const communityId = await communityOf(tx, spec.table, id);
		const gone = await tx.query(`delete from public.${spec.table} where id = $1 and version = $2 returning id`, [id, version]);
		if (!gone.length) await explain(tx, caller, spec, id, communityId, version, seen);
		return spec.reread(tx, caller, communityId);
	});
}

/** Adds an item to community `communityId`'s plan; answers with the plan as it now stands. */
export const addPlanItem = (caller: Caller, communityId: string, body: unknown, db?: Database) => add(PLAN_ITEMS, caller, communityId, body, db);
/** Changes plan item `id` ({ version, seen, values }): quantity, budget, buildings, progress, dates. */
export const savePlanItem = (caller: Caller, id: string, body: unknown, db?: Database) => change(PLAN_ITEMS, caller, id, body, db);
/** Removes plan item `id` ({ version, seen }); funding lines tied to it forget it. */
export const removePlanItem = (caller: Caller, id: string, body: unknown, db?: Database) => remove(PLAN_ITEMS, caller, id, body, db);

export const addFundingLine = (caller: Caller, communityId: string, body: unknown, db?: Database) =>
	add(FUNDING_LINES, caller, communityId, body, db);
export const saveFundingLine = (caller: Caller, id: string, body: unknown, db?: Database) => change(FUNDING_LINES, caller, id, body, db);
export const removeFundingLine = (caller: Caller, id: string, body: unknown, db?: Database) => remove(FUNDING_LINES, caller, id, body, db);
