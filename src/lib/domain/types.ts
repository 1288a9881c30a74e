import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { ElevatorState, LandTenure, PropertyManagement, SubdistrictKind } from './enums.gen';
import type { ProgressWeighting } from './plan';
import type { Stage } from './stages';
import type { UndergroundFirstFlag } from './underground-first';

// The value lists of the schema's check constraints (npm run db:types).
export { ELEVATOR_STATES, LAND_TENURES, PROPERTY_MANAGEMENT as PROPERTY_MANAGEMENTS } from './enums.gen';
export type { ElevatorState, LandTenure, PropertyManagement, SubdistrictKind } from './enums.gen';

export interface Subdistrict {
	code: string;
	name: string;
	kind: SubdistrictKind;
	/** [lng, lat] in WGS84, or null when unknown. */
	labelPoint: [number, number] | null;
	labelIsApproximate: boolean;
}

export interface Milestone {
	stage: Stage;
	plannedOn: string | null; // ISO date
	actualOn: string | null;
	/** The first planned date, kept when the milestone is re-planned. */
	baselineOn: string | null;
}

/** What the map and the detail panel know of a community (properties of its feature). */
export interface CommunityProps {
	id: string;
	code: string;
	name: string;
	subdistrictCode: string;
	subdistrictName: string;
	builtYear: number;
	landTenure: LandTenure;
	meetsHardCriteria: boolean;
	batchYear: number | null;
	households: number;
	residents: number | null;
	floorAreaM2: number;
	buildingCount: number;
	/** A point inside the boundary, [lng, lat], where the community's dot and label go. */
	labelPoint: [number, number];
	propertyManagement: PropertyManagement;
	stage: Stage | null;
	statusAsOf: string | null;
	/** A milestone planned before the status date has not happened (public.community_schedule). */
	late: boolean;
	/** Days behind the baseline at the project's current position; null without a baseline. */
	delayDays: number | null;
	milestones: Milestone[];
	isDemo: boolean;
	/** Percent complete of the plan (public.plan_progress), 0–100; null when it has no items. */
	progressPct: number | null;
	/** How progressPct was weighted: by budget, or counting items where a budget is missing. */
	progressWeighting: ProgressWeighting | null;
	/** Present, for staff only, when the plan breaks "underground first" (public.underground_first_flags). */
	undergroundFirst?: UndergroundFirstFlag;
}

export interface BuildingProps {
	id: string;
	code: string;
	name: string;
	communityId: string;
	floors: number;
	heightM: number;
	units: number;
	households: number;
	floorAreaM2: number;
	builtYear: number;
	elevator: ElevatorState;
	/** Copied from the community so buildings colour and filter without a join. */
	batchYear: number | null;
	stage: Stage | null;
	late: boolean;
	delayDays: number | null;
	subdistrictCode: string;
	isDemo: boolean;
	/** Percent complete of the plan items done on this building (see CommunityProps). */
	progressPct: number | null;
	progressWeighting: ProgressWeighting | null;
}

export type CommunityFeature = Feature<MultiPolygon, CommunityProps>;
export type BuildingFeature = Feature<Polygon, BuildingProps>;

export interface Target {
	periodStart: number;
	periodEnd: number;
	communities: number;
	buildings: number;
	floorAreaWanM2: number;
	households: number;
	residents: number | null;
	source: string;
	version: number;
}

/** A batch year's percent complete as public.plan_progress rolls it up from the plan items. */
export interface BatchProgress {
	batchYear: number;
	/** 0–100, one decimal. */
	pct: number;
	weighting: ProgressWeighting;
	/** Items in the batch, and how many of them have a budget (the fallback's cause). */
	items: number;
	budgetedItems: number;
}

/** Everything the district map needs, as the server loader hands it to the page. */
export interface Atlas {
	district: { code: string; name: string; outline: Feature<MultiPolygon, { name: string }> };
	subdistricts: Subdistrict[];
	subdistrictLabels: FeatureCollection<Point, { code: string; name: string; approximate: boolean }>;
	communities: FeatureCollection<MultiPolygon, CommunityProps>;
	buildings: FeatureCollection<Polygon, BuildingProps>;
	targets: Target[];
	/** Per batch year, as the caller may see the plans; years without plan items are absent. */
	batchProgress: BatchProgress[];
	/** The date shown, when the district is shown as it was (YYYY-MM-DD); null for now. */
	asOf: string | null;
	/** The first day the record of changes holds: the earliest date worth showing. */
	recordBegan: string | null;
}
