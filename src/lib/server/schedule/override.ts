import { overrideSchema, type OverrideInput } from '$lib/domain/schedule';
import type { Caller, Database } from '../db';
import { readEditable, saveVersioned, type VersionedResource } from '../writes/versioned';

interface Row {
	id: string;
	version: number;
	seen: number | string | bigint;
	subdistrict_code: string;
}

/**
 * A planner's override that lets a community that is not eligible enter a batch, with the
 * reason. The database fills in what it covers and who granted it, refuses it where nothing
 * is excluded (400) and to anyone but a planner (403). Guarded by the community's version,
 * so it is granted over the facts the planner saw.
 */
export const eligibilityOverride: VersionedResource<OverrideInput> = {
	schema: overrideSchema,
	table: 'communities',
	audit: [{ table: 'communities' }, { table: 'eligibility_overrides' }],
	async read(tx, communityId, seenSql) {
		const [row] = await tx.query<Row>(
			`select c.id, c.version, c.subdistrict_code, ${seenSql('c.id', 'c.id')} as seen from public.communities c where c.id = $1`,
			[communityId]
		);
		if (!row) return undefined;
		return { rowId: row.id, communityId: row.id, subdistrictCode: row.subdistrict_code, version: row.version, seen: Number(row.seen), values: { reason: '' } };
	},
	async write(tx, current, version, values) {
		// Only planners may take the community's row lock through an update; the override's
		// own policy refuses everyone else.
		const [row] = await tx.query<{ version: number }>(
			`update public.communities set id = id where id = $1 and version = $2 returning version`,
			[current.rowId, version]
		);
		if (!row) return undefined;
		await tx.query(`insert into public.eligibility_overrides (community_id, reason) values ($1, $2)`, [current.rowId, values.reason]);
		return row.version;
	}
};

export function readEligibilityOverride(caller: Caller, communityId: string, db?: Database) {
	return readEditable(caller, eligibilityOverride, communityId, db);
}

/** Grants an override ({ version, seen, values: { reason } }) as `caller`: 200, 400, 403, 404 or 409. */
export function saveEligibilityOverride(caller: Caller, communityId: string, body: unknown, db?: Database) {
	return saveVersioned(caller, eligibilityOverride, communityId, body, db);
}
