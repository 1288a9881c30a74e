import { z } from 'zod';
import type { MultiPolygon, Polygon } from 'geojson';
import { choice, wholeNumber } from './input';
import { ELEVATOR_STATES } from './types';

/**
 * Drawn geometry as the drawing tools send it and the server accepts it: GeoJSON (RFC 7946)
 * in WGS84 longitude/latitude. The schema checks the form only (numbers, closed rings, sizes);
 * whether a shape is acceptable — valid, not crossing itself, inside the district and its
 * community, clear of its neighbours — is for PostGIS to say
 * (supabase/migrations/20261127091000_geometry_rules.sql), so the dry run while drawing, the
 * save and a direct SQL write all meet the same rules.
 */

/** Why the database refuses a shape, in the order it lists them. */
export const GEOMETRY_PROBLEMS = [
	'invalid',
	'self_intersecting',
	'too_small',
	'outside_district',
	'overlaps_community',
	'buildings_outside',
	'outside_community',
	'overlaps_building'
] as const;
export type GeometryProblem = (typeof GEOMETRY_PROBLEMS)[number];

export function isGeometryProblem(code: string): code is GeometryProblem {
	return (GEOMETRY_PROBLEMS as readonly string[]).includes(code);
}

/** Enough for any building or compound anyone draws; a bound on what a request may carry. */
const MAX_POSITIONS = 2_000;

const position = z.tuple([
	z.number({ error: 'edit.error.invalid' }).min(-180).max(180),
	z.number({ error: 'edit.error.invalid' }).min(-90).max(90)
]);

const ring = z
	.array(position, { error: 'edit.error.invalid' })
	.min(4, { error: 'edit.error.invalid' })
	.max(MAX_POSITIONS, { error: 'edit.error.invalid' })
	.refine((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1], { error: 'edit.error.invalid' });

const rings = z.array(ring, { error: 'edit.error.invalid' }).min(1, { error: 'edit.error.invalid' }).max(50);

const polygonShape = z.object(
	{ type: z.literal('Polygon', { error: 'edit.error.invalid' }), coordinates: rings },
	{ error: 'edit.error.invalid' }
);

const multiPolygonShape = z.object(
	{
		type: z.literal('MultiPolygon', { error: 'edit.error.invalid' }),
		coordinates: z.array(rings, { error: 'edit.error.invalid' }).min(1, { error: 'edit.error.invalid' }).max(20)
	},
	{ error: 'edit.error.invalid' }
);

// One message for the whole shape, on the field that holds it: a drawing has no sub-fields
// the user could correct one by one.
export const polygonSchema = z.custom<Polygon>((v) => polygonShape.safeParse(v).success, { error: 'geometry.error.shape' });
export const multiPolygonSchema = z.custom<MultiPolygon>((v) => multiPolygonShape.safeParse(v).success, { error: 'geometry.error.shape' });
const anyPolygonSchema = z.custom<Polygon | MultiPolygon>((v) => polygonShape.safeParse(v).success || multiPolygonShape.safeParse(v).success, {
	error: 'geometry.error.shape'
});

/** A building's footprint: one polygon. */
export const footprintSchema = z.object({ footprint: polygonSchema }, { error: 'edit.error.invalid' });
export type FootprintValues = z.infer<typeof footprintSchema>;

/** A community's boundary: a polygon as drawn, or several parts; stored as a MultiPolygon. */
export const boundarySchema = z.object({ boundary: anyPolygonSchema }, { error: 'edit.error.invalid' });
export type BoundaryValues = z.infer<typeof boundarySchema>;

/**
 * A building drawn anew inside a community, with the facts a building cannot be without.
 * Its height and floor area are not asked: the server derives them from the floors and the
 * footprint (see src/lib/server/geometry/new-building.ts).
 */
export const newBuildingSchema = z.object(
	{
		footprint: polygonSchema,
		name: z.string({ error: 'edit.error.required' }).trim().min(1, { error: 'edit.error.required' }).max(40, { error: 'edit.error.max' }),
		floors: wholeNumber(60, 1),
		units: wholeNumber(99, 1),
		households: wholeNumber(2_000),
		builtYear: wholeNumber(2100, 1900),
		elevator: choice(ELEVATOR_STATES)
	},
	{ error: 'edit.error.invalid' }
);
export type NewBuilding = z.infer<typeof newBuildingSchema>;

/** What the dry run while drawing is asked: a shape for a community, or for a building of one. */
export const geometryCheckSchema = z.discriminatedUnion(
	'kind',
	[
		z.object({ kind: z.literal('boundary'), communityId: z.uuid(), shape: anyPolygonSchema }),
		z.object({ kind: z.literal('footprint'), communityId: z.uuid(), buildingId: z.uuid().nullable().optional(), shape: polygonSchema })
	],
	{ error: 'edit.error.invalid' }
);
export type GeometryCheck = z.infer<typeof geometryCheckSchema>;
