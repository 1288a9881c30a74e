/**
 * Parking and facilities (停车与配套设施) as the map layer, the summaries and the clearance
 * flags read them (src/lib/server/facilities/). The kinds, their icons and their order come
 * from public.facility_kinds; the states from the facilities' check constraint.
 */
import type { FeatureCollection, Point, Polygon } from 'geojson';
import type { FacilityGeometryKind, FacilityKind, FacilityState, PipelineType } from './enums.gen';

export { FACILITY_KINDS, FACILITY_STATES, type FacilityKind, type FacilityState } from './enums.gen';

/** A row of public.facility_kinds: what the legend shows, and how the layer draws it. */
export interface FacilityKindInfo {
	code: FacilityKind;
	ordinal: number;
	nameZh: string;
	nameEn: string;
	/** A @mapbox/maki icon name: node_modules/@mapbox/maki/icons/<icon>.svg. */
	icon: string;
	/** The catalogue item (public.renovation_catalogue.code) whose plan items deliver it. */
	catalogueCode: string;
	geometryKind: FacilityGeometryKind;
	/** What capacity counts in: 个 (spaces, chargers), 格 (compartments), 户, 块, m². */
	capacityUnit: string;
	/** A building or structure, to which the pipeline clearances apply. */
	isStructure: boolean;
	hasChargers: boolean;
	isServiceRoom: boolean;
}

/** The properties of one facility feature. */
export interface FacilityProperties {
	id: string;
	communityId: string;
	kind: FacilityKind;
	state: FacilityState;
	capacity: number;
	/** Charger-equipped spaces of a parking lot or shed; null for other kinds. */
	chargers: number | null;
	planItemId: string | null;
	/** YYYY-MM-DD, when built. */
	builtOn: string | null;
	name: string | null;
	note: string | null;
	isDemo: boolean;
}

export type FacilityCollection = FeatureCollection<Point | Polygon, FacilityProperties>;

/** A community's or a batch's parking and facilities before its renovation and after it (public.facility_summary). */
export interface FacilityTotals {
	parkingSpaces: BeforeAfter;
	/** EV charging points: charger piles plus charger-equipped parking spaces. */
	chargers: BeforeAfter;
	sheds: BeforeAfter;
	shedChargingPorts: BeforeAfter;
	serviceRoomM2: BeforeAfter;
	/** From the plan's greening items (no "before" is recorded): m² planned, and done so far. */
	greeningM2: { planned: number; done: number };
}

/** Before: what existed. After: existing, built and planned together. */
export interface BeforeAfter {
	before: number;
	after: number;
}

export interface CommunityFacilitySummary extends FacilityTotals {
	communityId: string;
	batchYear: number | null;
}

export interface BatchFacilitySummary extends FacilityTotals {
	batchYear: number;
	communities: number;
}

/** A planned structure over or too near a pipe (public.facility_clearance_conflicts). */
export interface ClearanceConflict {
	facilityId: string;
	segmentId: string;
	pipelineType: PipelineType;
	/** Metres in plan; 0 when over the pipe. */
	distanceM: number;
	/** The clearance public.pipe_clearances asks for that network. */
	requiredM: number;
}

/** [west, south, east, north] in degrees (WGS84). */
export type Bbox = [number, number, number, number];

/** The largest box a facilities request may ask for, in degrees a side (a district is ~0.3°). */
export const MAX_BBOX_SIDE_DEG = 0.5;

/** A bounding box from untrusted input, or null when it is not one or is too large. */
export function parseBbox(value: unknown): Bbox | null {
	const parts = typeof value === 'string' ? value.split(',').map(Number) : Array.isArray(value) ? value.map(Number) : [];
	if (parts.length !== 4 || !parts.every(Number.isFinite)) return null;
	const [west, south, east, north] = parts;
	if (west < -180 || east > 180 || south < -90 || north > 90 || west >= east || south >= north) return null;
	if (east - west > MAX_BBOX_SIDE_DEG || north - south > MAX_BBOX_SIDE_DEG) return null;
	return [west, south, east, north];
}
