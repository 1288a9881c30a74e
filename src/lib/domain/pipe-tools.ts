import { z } from 'zod';
import type { LineString, Polygon, Position } from 'geojson';
import type { PipelineType } from './enums.gen';

/**
 * What the planner's two pipeline tools send and get back: the ten-year check of a proposed
 * dig (public.dig_conflicts) and the cross-section of a drawn line (public.pipe_cross_section).
 * The schemas check the form and bound the size of a request; whether a shape is valid (a
 * ring that crosses itself) is for PostGIS to say, as for the drawing tools.
 */

/** A trench or a building plot, drawn by clicks: a few dozen corners; 500 is far beyond any. */
export const MAX_VERTICES = 500;
/** A dig is one compound's work: a trench longer than 3 km, or an area wider, is no one dig. */
export const MAX_DIG_M = 3_000;
/** A cross-section shows a street's or a compound's width; beyond 1 km it would be unreadable. */
export const MAX_SECTION_M = 1_000;

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Metres between two positions on the sphere (haversine): enough to bound a request's size. */
export function metresBetween([x1, y1]: Position, [x2, y2]: Position): number {
	const a = Math.sin(rad(y2 - y1) / 2) ** 2 + Math.cos(rad(y1)) * Math.cos(rad(y2)) * Math.sin(rad(x2 - x1) / 2) ** 2;
	return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The length of a path of positions in metres. */
export function pathLength(positions: Position[]): number {
	let sum = 0;
	for (let i = 1; i < positions.length; i++) sum += metresBetween(positions[i - 1], positions[i]);
	return sum;
}

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-80).max(84)]);
const positions = z.array(position).max(MAX_VERTICES);

const lineShape = z.object({ type: z.literal('LineString'), coordinates: positions.min(2) });
const ring = positions.min(4).refine((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1]);
// One outer ring: a dig is drawn as a plain area, never with holes.
const polygonShape = z.object({ type: z.literal('Polygon'), coordinates: z.tuple([ring]) });

/**
 * A shape of the right form and within `maxM` (a line's length, an area's perimeter): one
 * message per failure on the field, since a drawing has no parts the user corrects one by one.
 */
function drawn<T extends LineString | Polygon>(shape: z.ZodType<T>, maxM: number) {
	return z.unknown().transform((value, ctx): T => {
		const parsed = shape.safeParse(value);
		if (!parsed.success) {
			ctx.addIssue({ code: 'custom', message: 'pipeTools.error.shape' });
			return z.NEVER;
		}
		const path = parsed.data.type === 'LineString' ? parsed.data.coordinates : parsed.data.coordinates[0];
		if (pathLength(path) > maxM) {
			ctx.addIssue({ code: 'custom', message: 'pipeTools.error.tooLong', params: { max: maxM } });
			return z.NEVER;
		}
		return parsed.data;
	});
}

/** A proposed dig: a trench (its centre line) or an area, and the day work would start. */
export const digCheckSchema = z.object(
	{
		geometry: drawn<LineString | Polygon>(z.union([lineShape, polygonShape]), MAX_DIG_M),
		planned_on: z.iso.date({ error: (issue) => (issue.input === undefined ? 'edit.error.required' : 'edit.error.date') })
	},
	{ error: 'edit.error.invalid' }
);
export type DigCheck = z.infer<typeof digCheckSchema>;

/** A cross-section: one line. */
export const crossSectionSchema = z.object({ geometry: drawn<LineString>(lineShape, MAX_SECTION_M) }, { error: 'edit.error.invalid' });
export type CrossSectionRequest = z.infer<typeof crossSectionSchema>;

/** A renewed segment the dig touches, and whether the ten-year rule forbids digging it then. */
export interface DigConflict {
	segmentId: string;
	pipelineType: PipelineType;
	communityId: string;
	/** The community's name, or null when the caller may not read the community. */
	communityName: string | null;
	renewedOn: string;
	/** The first day digging is allowed again (renewal + 10 years). */
	moratoriumUntil: string;
	blocks: boolean;
	distanceM: number;
	/** The segment in plan, to show it on the map. */
	geometry: LineString;
}

/**
 * The answer to a dig: allowed when no touched segment blocks it; otherwise not before
 * `allowedFrom`, the latest end of the moratoria that block it.
 */
export interface DigVerdict {
	plannedOn: string;
	allowed: boolean;
	allowedFrom: string | null;
	conflicts: DigConflict[];
}

export function digVerdict(plannedOn: string, conflicts: DigConflict[]): DigVerdict {
	const blocking = conflicts.filter((c) => c.blocks).map((c) => c.moratoriumUntil);
	return { plannedOn, allowed: blocking.length === 0, allowedFrom: blocking.length ? blocking.reduce((a, b) => (b > a ? b : a)) : null, conflicts };
}

/** A pipe where the cut crosses it. */
export interface Crossing {
	segmentId: string;
	pipelineType: PipelineType;
	/** Metres from the start of the cut. */
	distanceM: number;
	/** Metres below ground where crossed. */
	depthM: number;
	diameterMm: number | null;
	/** A culvert's or duct bank's section, width × height in mm ('600×400'). */
	section: string | null;
	material: string;
	state: 'existing' | 'to_renew' | 'renewed' | 'abandoned';
}

export interface CrossSection {
	lengthM: number;
	crossings: Crossing[];
}
