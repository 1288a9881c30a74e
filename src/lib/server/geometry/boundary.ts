import { boundarySchema, type BoundaryValues } from '$lib/domain/geometry';
import type { MultiPolygon } from 'geojson';
import type { Caller, Database } from '../db';
import { readEditable, saveVersioned, type VersionedResource } from '../writes/versioned';
import { fromGeoJson, toGeoJson } from './sql';

type Row = { version: number; seen: number | string | bigint; subdistrict_code: string; boundary: MultiPolygon };

/**
 * A community's boundary, versioned by the community row. Drawn as one polygon or several,
 * stored as a MultiPolygon (the column's type). A boundary that would leave one of the
 * community's buildings outside is refused by the database's trigger, like any other rule.
 */
export const communityBoundary: VersionedResource<BoundaryValues> = {
	schema: boundarySchema,
	table: 'communities',
	audit: [{ table: 'communities' }],
	async read(tx, id, seenSql) {
		const [row] = await tx.query<Row>(
			`select c.version, c.subdistrict_code, ${seenSql('c.id', 'c.id')} as seen, ${toGeoJson('c.boundary')} as boundary
			 from public.communities c where c.id = $1`,
			[id]
		);
		if (!row) return undefined;
		return { rowId: id, communityId: id, subdistrictCode: row.subdistrict_code, version: row.version, seen: Number(row.seen), values: { boundary: row.boundary } };
	},
	async write(tx, current, version, values) {
		const [row] = await tx.query<{ version: number }>(
			`update public.communities set boundary = extensions.st_multi(${fromGeoJson('$3')}) where id = $1 and version = $2 returning version`,
			[current.rowId, version, JSON.stringify(values.boundary)]
		);
		return row?.version;
	}
};

export function readCommunityBoundary(caller: Caller, id: string, db?: Database) {
	return readEditable(caller, communityBoundary, id, db);
}

/** Saves { version, seen, values: { boundary } } over community `id` as `caller`. */
export function saveCommunityBoundary(caller: Caller, id: string, body: unknown, db?: Database) {
	return saveVersioned(caller, communityBoundary, id, body, db);
}
