import { fieldErrors } from '$lib/domain/input';
import { newBuildingSchema } from '$lib/domain/geometry';
import { isRowId, refuse, type Outcome } from '../writes/outcome';
import { forbiddenFor, runAs } from '../writes/run';
import { rightsOver } from '$lib/domain/permissions';
import type { Caller, Database } from '../db';
import { fromGeoJson } from './sql';

/** A storey of the era's walk-ups (the generator draws 2.9–3.0 m, buildings.ts). */
const STOREY_M = 3;

export interface AddedBuilding {
	id: string;
	code: string;
	version: number;
}

/**
 * Adds a building drawn inside community `communityId`, as `caller`: editors in their own
 * sub-districts, planners and admins anywhere (the insert policy decides; the geometry
 * trigger refuses a shape outside the community or over another building, with every
 * reason). Its code is the community's code and the next number, two digits as the seed's; its height is its
 * floors at 3 m each and its floor area its footprint times its floors — estimates the
 * facts form corrects, as the record will show.
 */
export async function addBuilding(caller: Caller, communityId: string, body: unknown, db?: Database): Promise<Outcome<AddedBuilding>> {
	const parsed = newBuildingSchema.safeParse(body);
	if (!parsed.success) return { ok: false, refusal: { kind: 'invalid', fields: fieldErrors(parsed.error) } };
	const b = parsed.data;
	if (!isRowId(communityId)) return { ok: false, refusal: { kind: 'not_found' } };
	return runAs(caller, db, async (tx) => {
		const [community] = await tx.query<{ code: string; subdistrict_code: string; next: string }>(
			`select c.code, c.subdistrict_code,
			        lpad((coalesce((select max(substring(x.code from '-([0-9]+)$')::int) from public.buildings x where x.community_id = c.id), 0) + 1)::text, 2, '0') as next
			 from public.communities c where c.id = $1`,
			[communityId]
		);
		if (!community) return refuse({ kind: 'not_found' });
		// The insert policy would refuse too, but only after the geometry trigger has judged
		// the shape: someone who may not add here hears that, not what is wrong with the shape.
		const actor = caller.role === 'authenticated' ? caller : null;
		if (caller.role !== 'service_role' && !rightsOver(actor, community.subdistrict_code).geometry) return refuse(forbiddenFor(caller));
		const [row] = await tx.query<AddedBuilding>(
			`insert into public.buildings (community_id, code, name, footprint, floors, height_m, units, households,
			   floor_area_m2, built_year, elevator)
			 select $1, $2, $3, s.shape, $4::smallint, $4::smallint * ${STOREY_M}, $5, $6,
			        greatest(0.01, round((extensions.st_area(s.shape::extensions.geography) * $4::smallint)::numeric, 2)), $7, $8
			 from (select ${fromGeoJson('$9')} as shape) s
			 returning id, code, version`,
			[communityId, `${community.code}-${community.next}`, b.name, b.floors, b.units, b.households, b.builtYear, b.elevator, JSON.stringify(b.footprint)]
		);
		return row;
	});
}
