import { buildingFactsSchema, type BuildingFacts } from '$lib/domain/building-facts';
import type { Caller, Database } from '../db';
import { assignFields, fieldParams, selectFields } from '../writes/sql';
import { readEditable, saveVersioned, type VersionedResource } from '../writes/versioned';

const FIELDS = Object.keys(buildingFactsSchema.shape) as (keyof BuildingFacts & string)[];
const FLOORS = `$${3 + FIELDS.indexOf('floors')}::smallint`;

type Row = BuildingFacts & { version: number; seen: number | string | bigint; community_id: string; subdistrict_code: string };

/**
 * A building's facts, versioned by the building row. Its height follows its floors: the
 * form does not ask for it (nobody re-measures a building when a floor count is corrected),
 * and it only raises the 3D view, which would otherwise show a 7-storey building at the
 * height of 6. It is scaled by the building's own storey height, so a building whose height
 * was surveyed keeps its proportion; the record shows the height's change beside the floors'.
 */
export const buildingFacts: VersionedResource<BuildingFacts> = {
	schema: buildingFactsSchema,
	table: 'buildings',
	audit: [{ table: 'buildings' }],
	async read(tx, id, seenSql) {
		const [row] = await tx.query<Row>(
			`select b.version, b.community_id, c.subdistrict_code, ${seenSql('b.id', 'b.community_id')} as seen,
			        ${selectFields(FIELDS, 'b')}
			 from public.buildings b join public.communities c on c.id = b.community_id
			 where b.id = $1`,
			[id]
		);
		if (!row) return undefined;
		const { version, seen, community_id, subdistrict_code, ...values } = row;
		return { rowId: id, communityId: community_id, subdistrictCode: subdistrict_code, version, seen: Number(seen), values };
	},
	async write(tx, current, version, values) {
		const [row] = await tx.query<{ version: number }>(
			`update public.buildings
			 set ${assignFields(FIELDS, 3)},
			     height_m = case when floors = ${FLOORS} then height_m else round(height_m * ${FLOORS} / floors, 2) end
			 where id = $1 and version = $2 returning version`,
			[current.rowId, version, ...fieldParams(FIELDS, values)]
		);
		return row?.version;
	}
};

export function readBuildingFacts(caller: Caller, id: string, db?: Database) {
	return readEditable(caller, buildingFacts, id, db);
}

/** Saves the facts form ({ version, seen, values }) of building `id` as `caller`. */
export function saveBuildingFacts(caller: Caller, id: string, body: unknown, db?: Database) {
	return saveVersioned(caller, buildingFacts, id, body, db);
}
