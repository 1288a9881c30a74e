import { footprintSchema, type FootprintValues } from '$lib/domain/geometry';
import type { Polygon } from 'geojson';
import type { Caller, Database } from '../db';
import { readEditable, saveVersioned, type VersionedResource } from '../writes/versioned';
import { fromGeoJson, toGeoJson } from './sql';

type Row = { version: number; seen: number | string | bigint; community_id: string; subdistrict_code: string; footprint: Polygon };

/**
 * A building's footprint, versioned by the building row. A shape the geometry rules refuse
 * comes back from the database's trigger as a 422 with every reason.
 */
export const buildingFootprint: VersionedResource<FootprintValues> = {
	schema: footprintSchema,
	table: 'buildings',
	audit: [{ table: 'buildings' }],
	async read(tx, id, seenSql) {
		const [row] = await tx.query<Row>(
			`select b.version, b.community_id, c.subdistrict_code, ${seenSql('b.id', 'b.community_id')} as seen,
			        ${toGeoJson('b.footprint')} as footprint
			 from public.buildings b join public.communities c on c.id = b.community_id
			 where b.id = $1`,
			[id]
		);
		if (!row) return undefined;
		return { rowId: id, communityId: row.community_id, subdistrictCode: row.subdistrict_code, version: row.version, seen: Number(row.seen), values: { footprint: row.footprint } };
	},
	async write(tx, current, version, values) {
		const [row] = await tx.query<{ version: number }>(
			`update public.buildings set footprint = ${fromGeoJson('$3')} where id = $1 and version = $2 returning version`,
			[current.rowId, version, JSON.stringify(values.footprint)]
		);
		return row?.version;
	}
};

export function readBuildingFootprint(caller: Caller, id: string, db?: Database) {
	return readEditable(caller, buildingFootprint, id, db);
}

/** Saves { version, seen, values: { footprint } } over building `id` as `caller`. */
export function saveBuildingFootprint(caller: Caller, id: string, body: unknown, db?: Database) {
	return saveVersioned(caller, buildingFootprint, id, body, db);
}
