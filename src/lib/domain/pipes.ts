import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { PIPELINE_TYPES, type PipeNodeKind, type PipelineType, type PipeState } from './enums.gen';

// No zod here: the public map's view reads the network codes from this module (the
// request's box has its schema in bbox.ts).

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
