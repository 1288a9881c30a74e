import { fieldErrors } from '$lib/domain/input';
import { digCheckSchema, digVerdict, type DigConflict, type DigVerdict } from '$lib/domain/pipe-tools';
import type { LineString } from 'geojson';
import type { PipelineType } from '$lib/domain/enums.gen';
import type { Caller, Database } from '../db';
import { fromGeoJson, toGeoJson } from '../geometry/sql';
import type { Outcome } from '../writes/outcome';
import { forbiddenFor, runAs } from '../writes/run';
import { requireValidShape } from './shape';

type Row = {
	segment_id: string;
	pipeline_type: PipelineType;
	community_id: string;
	community_name: string | null;
	renewed_on: string;
	moratorium_until: string;
	blocks: boolean;
	distance_m: number;
	geometry: LineString;
};

/**
 * The ten-year rule (DOMAIN.md §3) for a proposed dig, { geometry, planned_on }, as
 * `caller` sees the pipes: public.dig_conflicts runs as its caller, so row-level security
 * decides which renewed segments count (an editor's own sub-districts, a planner's whole
 * district). The public reads no pipeline data and is refused before any query.
 */
export async function checkDig(caller: Caller, body: unknown, db?: Database): Promise<Outcome<DigVerdict>> {
	if (caller.role === 'anon') return { ok: false, refusal: forbiddenFor(caller) };
	const parsed = digCheckSchema.safeParse(body);
	if (!parsed.success) return { ok: false, refusal: { kind: 'invalid', fields: fieldErrors(parsed.error) } };
	const { geometry, planned_on: plannedOn } = parsed.data;
	const shape = JSON.stringify(geometry);
	return runAs(caller, db, async (tx) => {
		await requireValidShape(tx, shape);
		const rows = await tx.query<Row>(
			`select d.segment_id, d.pipeline_type, d.community_id, c.name as community_name, d.renewed_on::text, d.moratorium_until::text,
			        d.blocks, d.distance_m, ${toGeoJson('extensions.st_force2d(s.geom)')} as geometry
			 from public.dig_conflicts(${fromGeoJson('$1')}, $2::date) d
			 join public.pipe_segments s on s.id = d.segment_id
			 left join public.communities c on c.id = d.community_id
			 order by d.blocks desc, d.moratorium_until desc, d.distance_m, d.segment_id`,
			[shape, plannedOn]
		);
		const conflicts: DigConflict[] = rows.map((r) => ({
			segmentId: r.segment_id,
			pipelineType: r.pipeline_type,
			communityId: r.community_id,
			communityName: r.community_name,
			renewedOn: r.renewed_on,
			moratoriumUntil: r.moratorium_until,
			blocks: r.blocks,
			distanceM: Math.round(Number(r.distance_m) * 100) / 100,
			geometry: r.geometry
		}));
		return digVerdict(plannedOn, conflicts);
	});
}
