import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { z } from 'zod';
import { PIPELINE_TYPES, type PipeNodeKind, type PipelineType, type PipeState } from './enums.gen';

export { PIPELINE_TYPES, PIPE_NODE_KINDS, PIPE_STATES, type PipeNodeKind, type PipelineType, type PipeState } from './enums.gen';

export function isPipelineType(value: unknown): value is PipelineType {
	return typeof value === 'string' && (PIPELINE_TYPES as readonly string[]).includes(value);
}

/** A segment as the map and the underground view read it: z of each vertex is minus its depth (m). */
export interface PipeSegmentProps {
	feature: 'segment';
	id: string;
	type: PipelineType;
	material: string;
	diameter_mm: number | null;
	section: string | null;
	depth_start_m: number;
	depth_end_m: number;
	owner: string;
	state: PipeState;
	renewed_on: string | null;
	community_id: string;
}

/** A manhole or valve; z is minus its depth. */
export interface PipeNodeProps {
	feature: 'node';
	id: string;
	type: PipelineType;
	kind: PipeNodeKind;
	depth_m: number;
	state: PipeState;
	community_id: string;
}

export type PipeSegmentFeature = Feature<LineString, PipeSegmentProps>;
export type PipeNodeFeature = Feature<Point, PipeNodeProps>;
export type PipesCollection = FeatureCollection<LineString | Point, PipeSegmentProps | PipeNodeProps>;

export type Bbox = [west: number, south: number, east: number, north: number];

const lng = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

/** `?bbox=w,s,e,n` in degrees: four finite numbers, west of east and south of north. */
export const bboxSchema = z
	.string()
	.transform((raw) => raw.split(',').map((part) => (part.trim() === '' ? NaN : Number(part))))
	.pipe(z.tuple([lng, lat, lng, lat]))
	.refine(([w, s, e, n]) => w < e && s < n, 'edit.error.invalid');
