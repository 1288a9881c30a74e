import { fieldErrors } from '$lib/domain/input';
import { crossSectionSchema, pathLength, type Crossing, type CrossSection } from '$lib/domain/pipe-tools';
import type { PipelineType } from '$lib/domain/enums.gen';
import type { Caller, Database } from '../db';
import { fromGeoJson } from '../geometry/sql';
import type { Outcome } from '../writes/outcome';
import { forbiddenFor, runAs } from '../writes/run';
import { requireValidShape } from './shape';

type Row = {
	segment_id: string;
	pipeline_type: PipelineType;
	distance_m: number;
	depth_m: string | number;
	diameter_mm: number | null;
	section: string | null;
	material: string;
	state: Crossing['state'];
};

/**
 * The pipes a drawn line crosses, in order along it (public.pipe_cross_section), as
 * `caller` may see them: the function runs as its caller, so an editor's section shows only
 * their own sub-districts' pipes. The public reads no pipeline data and is refused.
 */
export async function crossSection(caller: Caller, body: unknown, db?: Database): Promise<Outcome<CrossSection>> {
	if (caller.role === 'anon') return { ok: false, refusal: forbiddenFor(caller) };
	const parsed = crossSectionSchema.safeParse(body);
	if (!parsed.success) return { ok: false, refusal: { kind: 'invalid', fields: fieldErrors(parsed.error) } };
	const shape = JSON.stringify(parsed.data.geometry);
	return runAs(caller, db, async (tx) => {
		await requireValidShape(tx, shape);
		const rows = await tx.query<Row>(
			`select x.segment_id, x.pipeline_type, x.distance_m, x.depth_m, x.diameter_mm, x.section, x.material, x.state
			 from public.pipe_cross_section(${fromGeoJson('$1')}) x
			 order by x.distance_m, x.segment_id`,
			[shape]
		);
		return {
			// The chart's x axis: measured here as the schema bounded it (the SQL's UTM metres
			// differ by well under a metre over a compound).
			lengthM: Math.round(pathLength(parsed.data.geometry.coordinates) * 10) / 10,
			crossings: rows.map((r) => ({
				segmentId: r.segment_id,
				pipelineType: r.pipeline_type,
				distanceM: Math.round(Number(r.distance_m) * 100) / 100,
				depthM: Number(r.depth_m),
				diameterMm: r.diameter_mm,
				section: r.section,
				material: r.material,
				state: r.state
			}))
		};
	});
}
