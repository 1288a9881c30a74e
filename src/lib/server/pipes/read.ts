import type { LineString, Point, Position } from 'geojson';
import { bboxSchema, type Bbox } from '$lib/domain/bbox';
import { type PipeNodeFeature, type PipeNodeProps, type PipesCollection, type PipeSegmentFeature, type PipeSegmentProps } from '$lib/domain/pipes';
import type { Caller, Database } from '../db';
import type { Outcome } from '../writes/outcome';
import { runAs } from '../writes/run';

/**
 * The pipelines as the caller may read them, as one GeoJSON collection of segments and
 * nodes. Row-level security decides what is in it (editors see their sub-districts', planners
 * and leaders all, the public nothing: it has no grant, so it is refused before the query).
 */

type SegmentRow = Omit<PipeSegmentProps, 'feature'> & { geom: string };
type NodeRow = Omit<PipeNodeProps, 'feature'> & { geom: string };

// Only rows that meet the box (st_intersects uses the GiST indexes, and unlike a bare &&,
// whose index boxes are float4 and rounded outwards, it is exact); no box, all rows.
const within = (alias: string) =>
	`($1::float8 is null or extensions.st_intersects(${alias}.geom, extensions.st_makeenvelope($1::float8, $2::float8, $3::float8, $4::float8, 4326)))`;

// Numerics as float8, so they arrive as numbers; seven decimals of a degree are 1 cm.
const SEGMENTS = `
  select s.id, s.pipeline_type as type, s.material, s.diameter_mm, s.section,
         s.depth_start_m::float8 as depth_start_m, s.depth_end_m::float8 as depth_end_m,
         s.owner, s.state, s.renewed_on::text as renewed_on, s.community_id,
         extensions.st_asgeojson(s.geom, 7) as geom
  from public.pipe_segments s where ${within('s')} order by s.id`;
const NODES = `
  select n.id, n.pipeline_type as type, n.kind, n.depth_m::float8 as depth_m, n.state, n.community_id,
         extensions.st_asgeojson(n.geom, 7) as geom
  from public.pipe_nodes n where ${within('n')} order by n.id`;

// Depths are surveyed to the centimetre: more decimals of z are noise in the payload.
const roundZ = ([x, y, z]: Position): Position => (z === undefined ? [x, y] : [x, y, Math.round(z * 100) / 100]);

function segmentFeature({ geom, ...props }: SegmentRow): PipeSegmentFeature {
	const line: LineString = JSON.parse(geom);
	return { type: 'Feature', geometry: { type: 'LineString', coordinates: line.coordinates.map(roundZ) }, properties: { feature: 'segment', ...props } };
}

function nodeFeature({ geom, ...props }: NodeRow): PipeNodeFeature {
	const point: Point = JSON.parse(geom);
	return { type: 'Feature', geometry: { type: 'Point', coordinates: roundZ(point.coordinates) }, properties: { feature: 'node', ...props } };
}

/** Reads `?bbox=w,s,e,n` (optional): undefined when absent, a refusal when it makes no sense. */
export function requestedBbox(url: URL): Outcome<Bbox | undefined> {
	const raw = url.searchParams.get('bbox');
	if (raw === null) return { ok: true, value: undefined };
	const parsed = bboxSchema.safeParse(raw);
	return parsed.success ? { ok: true, value: parsed.data } : { ok: false, refusal: { kind: 'invalid', fields: { bbox: { key: 'edit.error.invalid' } } } };
}

/** Segments, then nodes (drawn above them), each in a stable order. 403 with `sign_in` for the public. */
export function readPipes(caller: Caller, bbox?: Bbox, db?: Database): Promise<Outcome<PipesCollection>> {
	if (caller.role === 'anon') return Promise.resolve({ ok: false, refusal: { kind: 'forbidden', reason: 'sign_in' } });
	const params = bbox ?? [null, null, null, null];
	return runAs(caller, db, async (tx) => {
		const segments = await tx.query<SegmentRow>(SEGMENTS, params);
		const nodes = await tx.query<NodeRow>(NODES, params);
		return { type: 'FeatureCollection', features: [...segments.map(segmentFeature), ...nodes.map(nodeFeature)] };
	});
}
