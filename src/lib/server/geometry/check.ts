import { fieldErrors } from '$lib/domain/input';
import { geometryCheckSchema, isGeometryProblem, type GeometryProblem } from '$lib/domain/geometry';
import { rightsOver } from '$lib/domain/permissions';
import type { Caller, Database } from '../db';
import { refuse, type Outcome } from '../writes/outcome';
import { forbiddenFor, runAs } from '../writes/run';
import { fromGeoJson } from './sql';

/** What the dry run says of a shape: its problems (none: it would be saved) and its size. */
export interface GeometryVerdict {
	problems: GeometryProblem[];
	areaM2: number;
	perimeterM: number;
}

/**
 * The dry run the drawing tools ask while a shape is drawn: the same database functions the
 * write trigger calls, so what it accepts is what a save stores (unless a neighbour moves in
 * the meantime; the save checks again). Only for staff who may redraw the community: the
 * rules are checked against every row, and the answer should not tell others what is where
 * (the database's check functions refuse them too; the early answer here names the reason).
 */
export async function checkGeometry(caller: Caller, body: unknown, db?: Database): Promise<Outcome<GeometryVerdict>> {
	const parsed = geometryCheckSchema.safeParse(body);
	if (!parsed.success) return { ok: false, refusal: { kind: 'invalid', fields: fieldErrors(parsed.error) } };
	const input = parsed.data;
	return runAs(caller, db, async (tx) => {
		const [community] = await tx.query<{ subdistrict_code: string }>(`select subdistrict_code from public.communities where id = $1`, [input.communityId]);
		if (!community) return refuse({ kind: 'not_found' });
		const actor = caller.role === 'authenticated' ? caller : null;
		if (caller.role !== 'service_role' && !rightsOver(actor, community.subdistrict_code).geometry) return refuse(forbiddenFor(caller));
		const problemsSql =
			input.kind === 'boundary'
				? `private.check_community_boundary(extensions.st_multi(s.shape), $2::uuid)`
				: `private.check_building_footprint(s.shape, $2::uuid, $3::uuid)`;
		const [row] = await tx.query<{ problems: string[]; area: number | null; perimeter: number | null }>(
			`select ${problemsSql} as problems,
			        case when extensions.st_isvalid(s.shape) then extensions.st_area(s.shape::extensions.geography) end as area,
			        case when extensions.st_isvalid(s.shape) then extensions.st_perimeter(s.shape::extensions.geography) end as perimeter
			 from (select ${fromGeoJson('$1')} as shape) s`,
			input.kind === 'boundary'
				? [JSON.stringify(input.shape), input.communityId]
				: [JSON.stringify(input.shape), input.communityId, input.buildingId ?? null]
		);
		return {
			problems: row.problems.filter(isGeometryProblem),
			areaM2: Math.round((row.area ?? 0) * 10) / 10,
			perimeterM: Math.round((row.perimeter ?? 0) * 10) / 10
		};
	});
}
