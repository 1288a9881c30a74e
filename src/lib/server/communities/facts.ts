import { communityFactsSchema, type CommunityFacts } from '$lib/domain/community-facts';
import type { Caller, Database, Queryable } from '../db';
import { assignFields, fieldParams, selectFields } from '../writes/sql';
import { readEditable, saveVersioned, type Snapshot, type VersionedResource } from '../writes/versioned';

const FIELDS = Object.keys(communityFactsSchema.shape) as (keyof CommunityFacts & string)[];

type Row = CommunityFacts & { version: number; seen: number | string | bigint; subdistrict_code: string };

/** A community's facts, versioned by the community row. */
export const communityFacts: VersionedResource<CommunityFacts> = {
	schema: communityFactsSchema,
	table: 'communities',
	audit: [{ table: 'communities' }],
	async read(tx: Queryable, id: string, seenSql): Promise<Snapshot<CommunityFacts> | undefined> {
		const [row] = await tx.query<Row>(
			`select c.version, c.subdistrict_code, ${seenSql('c.id', 'c.id')} as seen, ${selectFields(FIELDS, 'c')}
			 from public.communities c where c.id = $1`,
			[id]
		);
		if (!row) return undefined;
		const { version, seen, subdistrict_code, ...values } = row;
		return { rowId: id, communityId: id, subdistrictCode: subdistrict_code, version, seen: Number(seen), values };
	},
	async write(tx, current, version, values) {
		const [row] = await tx.query<{ version: number }>(
			`update public.communities set ${assignFields(FIELDS, 3)}
			 where id = $1 and version = $2 returning version`,
			[current.rowId, version, ...fieldParams(FIELDS, values)]
		);
		return row?.version;
	}
};

/** The facts form of community `id` as `caller` sees it, with what it may change. */
export function readCommunityFacts(caller: Caller, id: string, db?: Database) {
	return readEditable(caller, communityFacts, id, db);
}

/** Saves the facts form ({ version, seen, values }) of community `id` as `caller`. */
export function saveCommunityFacts(caller: Caller, id: string, body: unknown, db?: Database) {
	return saveVersioned(caller, communityFacts, id, body, db);
}
