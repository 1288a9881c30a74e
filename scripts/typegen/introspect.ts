/**
 * Reads what the TypeScript types are made of from a migrated database's catalog: the
 * public schema's tables and views with their columns and foreign keys, the value lists
 * of its `column in ('a', 'b', …)` check constraints, and the rows of its lookup tables.
 */
import type { Queryable } from '../../src/lib/server/db/types';

export interface Column {
	name: string;
	/** pg_type.typname; for arrays that of the element. */
	type: string;
	isArray: boolean;
	nullable: boolean;
	/** A default, an identity or a generated value: the column may be left out of an insert. */
	hasDefault: boolean;
	/** `generated always` (identity or stored expression): no insert or update may set it. */
	generatedAlways: boolean;
}

export interface Relationship {
	foreignKeyName: string;
	columns: string[];
	isOneToOne: boolean;
	referencedRelation: string;
	referencedColumns: string[];
}

export interface Relation {
	name: string;
	kind: 'table' | 'view';
	columns: Column[];
	relationships: Relationship[];
}

/** A closed list of values a column takes, named as Database['public']['Enums'] names it. */
export interface ValueList {
	name: string;
	values: string[];
	/** The columns whose type it is, as `table.column`. */
	columns: string[];
}

/**
 * A table whose rows are a closed list other tables refer to by foreign key, such as the
 * workflow's stages: its key column's values become an enum, in `ordinal` order.
 */
export interface LookupTable {
	enumName: string;
	table: string;
	key: string;
	ordinal: string;
}

export const LOOKUP_TABLES: LookupTable[] = [
	{ enumName: 'project_stage', table: 'project_stages', key: 'code', ordinal: 'ordinal' },
	{ enumName: 'pipeline_type', table: 'pipeline_types', key: 'code', ordinal: 'ordinal' },
	{ enumName: 'facility_kind', table: 'facility_kinds', key: 'code', ordinal: 'ordinal' }
];

export interface SchemaModel {
	relations: Relation[];
	enums: ValueList[];
	/** public.project_stages in order, for the domain's stage list. */
	stages: { code: string; nameZh: string }[];
	functions: Routine[];
}

/** A function of the public schema, as PostgREST would call it: its arguments and what it returns. */
export interface Routine {
	name: string;
	/** Input arguments, in order; `hasDefault` when a call may leave one out. */
	args: Column[];
	/** The columns of a `returns table (…)`, or the one type of a scalar result. */
	returns: { columns: Column[] } | { type: string; isArray: boolean };
	returnsSet: boolean;
}

// Byte order, not the locale's: the output must not depend on the machine that writes it.
const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

async function readRelations(q: Queryable): Promise<Relation[]> {
	const columns = await q.query<{
		relation: string;
		relkind: string;
		name: string;
		typname: string;
		elemname: string | null;
		nullable: boolean;
		has_default: boolean;
		identity: string;
		generated: string;
	}>(
		`select c.relname as relation, c.relkind::text as relkind, a.attname as name, t.typname, e.typname as elemname,
		        not a.attnotnull as nullable, a.atthasdef as has_default, a.attidentity::text as identity,
		        a.attgenerated::text as generated
		 from pg_attribute a
		 join pg_class c on c.oid = a.attrelid
		 join pg_type t on t.oid = a.atttypid
		 left join pg_type e on e.oid = t.typelem and t.typcategory = 'A'
		 where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
		   and a.attnum > 0 and not a.attisdropped`
	);
	const keys = await q.query<{
		relation: string;
		name: string;
		columns: string[];
		referenced_relation: string;
		referenced_columns: string[];
		one_to_one: boolean;
	}>(
		`select c.relname as relation, k.conname as name, r.relname as referenced_relation,
		        array(select a.attname from unnest(k.conkey) with ordinality u(n, i)
		              join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i)::text[] as columns,
		        array(select a.attname from unnest(k.confkey) with ordinality u(n, i)
		              join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i)::text[] as referenced_columns,
		        exists (select 1 from pg_constraint uq
		                where uq.conrelid = k.conrelid and uq.contype in ('p', 'u')
		                  and uq.conkey::int2[] @> k.conkey::int2[] and uq.conkey::int2[] <@ k.conkey::int2[]) as one_to_one
		 from pg_constraint k
		 join pg_class c on c.oid = k.conrelid
		 join pg_class r on r.oid = k.confrelid
		 where k.contype = 'f' and c.relnamespace = 'public'::regnamespace and r.relnamespace = 'public'::regnamespace`
	);
	const relations = new Map<string, Relation>();
	for (const c of columns) {
		const relation: Relation = relations.get(c.relation) ?? { name: c.relation, kind: c.relkind === 'r' || c.relkind === 'p' ? 'table' : 'view', columns: [], relationships: [] };
		relations.set(c.relation, relation);
		relation.columns.push({
			name: c.name,
			type: c.elemname ?? c.typname,
			isArray: c.elemname !== null,
			nullable: c.nullable,
			hasDefault: c.has_default || c.identity !== '' || c.generated !== '',
			generatedAlways: c.identity === 'a' || c.generated === 's'
		});
	}
	for (const k of keys) {
		relations.get(k.relation)?.relationships.push({
			foreignKeyName: k.name,
			columns: k.columns,
			isOneToOne: k.one_to_one,
			referencedRelation: k.referenced_relation,
			referencedColumns: k.referenced_columns
		});
	}
	const sorted = [...relations.values()].sort(byName);
	for (const r of sorted) {
		r.columns.sort(byName);
		r.relationships.sort((a, b) => byName({ name: a.foreignKeyName }, { name: b.foreignKeyName }));
	}
	return sorted;
}

/** `CHECK ((col = ANY (ARRAY['a'::text, 'b'::text])))`, as PostgreSQL prints `col in ('a', 'b')`. */
const VALUE_LIST = /^CHECK \(\((\w+) = ANY \(ARRAY\[(.*)\]\)\)\)$/;
const QUOTED_TEXT = /'((?:[^']|'')*)'::text/g;

/** The lists of single-column `in (…)` check constraints, in the order the migration wrote them. */
async function readValueLists(q: Queryable): Promise<ValueList[]> {
	const checks = await q.query<{ relation: string; definition: string }>(
		`select c.relname as relation, pg_get_constraintdef(k.oid) as definition
		 from pg_constraint k join pg_class c on c.oid = k.conrelid
		 where k.contype = 'c' and c.relnamespace = 'public'::regnamespace and cardinality(k.conkey) = 1`
	);
	const lists: ValueList[] = [];
	for (const { relation, definition } of checks) {
		const match = VALUE_LIST.exec(definition);
		if (!match) continue;
		const values = [...match[2].matchAll(QUOTED_TEXT)].map((m) => m[1].replaceAll("''", "'"));
		lists.push({ name: `${relation}_${match[1]}`, values, columns: [`${relation}.${match[1]}`] });
	}
	return lists;
}

async function readLookup(q: Queryable, lookup: LookupTable, relations: Relation[]): Promise<ValueList> {
	const rows = await q.query<{ key: string }>(
		`select ${lookup.key}::text as key from public.${lookup.table} order by ${lookup.ordinal}`
	);
	const referencing = relations.flatMap((r) =>
		r.relationships
			.filter((k) => k.referencedRelation === lookup.table && k.referencedColumns.join() === lookup.key && k.columns.length === 1)
			.map((k) => `${r.name}.${k.columns[0]}`)
	);
	return { name: lookup.enumName, values: rows.map((r) => r.key), columns: [`${lookup.table}.${lookup.key}`, ...referencing].sort() };
}

/** The public schema's functions; an overloaded name is refused, as PostgREST could not tell them apart. */
async function readRoutines(q: Queryable): Promise<Routine[]> {
	const rows = await q.query<{
		name: string;
		returns_set: boolean;
		defaults: number;
		arg_names: string[];
		arg_modes: string[];
		arg_types: string[];
		arg_arrays: boolean[];
		return_type: string;
		return_array: boolean;
	}>(
		`select p.proname as name, p.proretset as returns_set, p.pronargdefaults::int as defaults,
		        coalesce(p.proargnames, '{}') as arg_names,
		        coalesce(p.proargmodes::text[], array_fill('i'::text, array[p.pronargs::int])) as arg_modes,
		        array(select coalesce(e.typname, t.typname)::text
		              from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality u(type, i)
		              join pg_type t on t.oid = u.type left join pg_type e on e.oid = t.typelem and t.typcategory = 'A'
		              order by u.i) as arg_types,
		        array(select t.typcategory = 'A'
		              from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality u(type, i)
		              join pg_type t on t.oid = u.type order by u.i) as arg_arrays,
		        coalesce(re.typname, rt.typname)::text as return_type, re.oid is not null as return_array
		 from pg_proc p
		 join pg_type rt on rt.oid = p.prorettype
		 left join pg_type re on re.oid = rt.typelem and rt.typcategory = 'A'
		 where p.pronamespace = 'public'::regnamespace
		 order by 1`
	);
	const names = rows.map((r) => r.name);
	const overloaded = names.filter((n, i) => names.indexOf(n) !== i);
	if (overloaded.length) throw new Error(`db:types: overloaded functions in public (${overloaded.join(', ')}) are not supported`);
	return rows.map((r) => {
		const column = (i: number, hasDefault = false): Column => ({
			name: r.arg_names[i] ?? `arg${i + 1}`,
			type: r.arg_types[i],
			isArray: r.arg_arrays[i],
			nullable: false,
			hasDefault,
			generatedAlways: false
		});
		const inputs = r.arg_modes.flatMap((m, i) => (['i', 'b', 'v'].includes(m) ? [i] : []));
		const outputs = r.arg_modes.flatMap((m, i) => (['o', 'b', 't'].includes(m) ? [i] : []));
		return {
			name: r.name,
			args: inputs.map((i, n) => column(i, n >= inputs.length - r.defaults)),
			returns: outputs.length ? { columns: outputs.map((i) => column(i)) } : { type: r.return_type, isArray: r.return_array },
			returnsSet: r.returns_set
		};
	});
}

export async function readSchema(q: Queryable): Promise<SchemaModel> {
	const relations = await readRelations(q);
	const lists = await readValueLists(q);
	for (const lookup of LOOKUP_TABLES) lists.push(await readLookup(q, lookup, relations));
	const stages = await q.query<{ code: string; nameZh: string }>(
		`select code, name_zh as "nameZh" from public.project_stages order by ordinal`
	);
	const functions = await readRoutines(q);
	return { relations, enums: lists.sort(byName), stages, functions };
}
