/**
 * The demo facilities as SQL for supabase/seed.sql, written as pipes-sql.ts writes the
 * pipelines: one multi-row insert, geometries as GeoJSON in SRID 4326, rows already present
 * left alone. After the plan items, which they name.
 */
import type { SeedFacility } from './facilities';

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

export const FACILITY_COLUMNS = [
	'id',
	'community_id',
	'kind',
	'state',
	'capacity',
	'chargers',
	'plan_item_id',
	'built_on',
	'name',
	'note',
	'geom',
	'is_demo'
] as const;

export function renderFacilitiesSql({ facilities }: { facilities: readonly SeedFacility[] }): string {
	if (facilities.length === 0) return '';
	const rows = facilities.map((f) =>
		[
			...[f.id, f.communityId, f.kind, f.state, f.capacity, f.chargers, f.planItemId, f.builtOn, f.name, f.note].map(literal),
			`extensions.st_setsrid(extensions.st_geomfromgeojson(${literal(JSON.stringify(f.geom))}), 4326)`,
			literal(f.isDemo)
		].join(', ')
	);
	return `insert into public.facilities (${FACILITY_COLUMNS.join(', ')}) values\n${rows.map((r) => `  (${r})`).join(',\n')}\non conflict do nothing;\n`;
}
