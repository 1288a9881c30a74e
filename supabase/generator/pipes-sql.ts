/**
 * The demo pipelines as SQL for supabase/seed.sql, written as sql.ts writes the other tables:
 * one multi-row insert per table, geometries as GeoJSON in SRID 4326 (PostGIS keeps the z of
 * three-number positions, so lines arrive as LineStringZ and points as PointZ), rows already
 * present left alone.
 */
import type { DemoPipes, SeedPipeNode, SeedPipeSegment } from './pipes';

type Value = string | number | boolean | null;

function literal(value: Value): string {
	if (value === null) return 'null';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
		return String(value);
	}
	return `'${value.replaceAll("'", "''")}'`;
}

const geometry = (g: SeedPipeSegment['geom'] | SeedPipeNode['geom']) =>
	`extensions.st_setsrid(extensions.st_geomfromgeojson(${literal(JSON.stringify(g))}), 4326)`;

function insert(table: string, columns: readonly string[], rows: readonly string[][]): string {
	if (rows.length === 0) return '';
	return `insert into ${table} (${columns.join(', ')}) values\n${rows.map((r) => `  (${r.join(', ')})`).join(',\n')}\non conflict do nothing;\n`;
}

export const SEGMENT_COLUMNS = [
	'id',
	'community_id',
	'pipeline_type',
	'material',
	'diameter_mm',
	'section',
	'depth_start_m',
	'depth_end_m',
	'owner',
	'state',
	'renewed_on',
	'geom',
	'is_demo'
] as const;

export const NODE_COLUMNS = ['id', 'community_id', 'pipeline_type', 'kind', 'depth_m', 'state', 'geom', 'is_demo'] as const;

/** The inserts into public.pipe_segments and public.pipe_nodes (after the communities). */
export function renderPipesSql({ pipeSegments, pipeNodes }: DemoPipes): string {
	const segments = pipeSegments.map((s) => [
		...[s.id, s.communityId, s.pipelineType, s.material, s.diameterMm, s.section, s.depthStartM, s.depthEndM, s.owner, s.state, s.renewedOn].map(literal),
		geometry(s.geom),
		literal(s.isDemo)
	]);
	const nodes = pipeNodes.map((n) => [
		...[n.id, n.communityId, n.pipelineType, n.kind, n.depthM, n.state].map(literal),
		geometry(n.geom),
		literal(n.isDemo)
	]);
	return (
		switchRecord(false) +
		insert('public.pipe_segments', SEGMENT_COLUMNS, segments) +
		insert('public.pipe_nodes', NODE_COLUMNS, nodes) +
		recordInserts('pipe_segments') +
		recordInserts('pipe_nodes') +
		switchRecord(true)
	);
}

// The audit trigger, row by row, took three quarters of the seed's time on the embedded
// database (each pipe's to_jsonb and its community's lookup, 10,000 times over): the seed
// writes the same insert entries in one statement per table instead.
const PIPE_TABLES = ['pipe_segments', 'pipe_nodes'] as const;

const switchRecord = (on: boolean) =>
	PIPE_TABLES.map((table) => `alter table public.${table} ${on ? 'enable' : 'disable'} trigger ${table}_record_change;\n`).join('');

/** An insert entry, as private.record_change writes it, for each row that has none yet. */
const recordInserts = (table: (typeof PIPE_TABLES)[number]) =>
	`insert into public.audit_log (table_name, row_id, action, community_id, subdistrict_code, new_values)
select '${table}', x.id::text, 'insert', x.community_id, c.subdistrict_code, to_jsonb(x)
from public.${table} x join public.communities c on c.id = x.community_id
where not exists (select 1 from public.audit_log a where a.table_name = '${table}' and a.row_id = x.id::text)
order by x.id;
`;
