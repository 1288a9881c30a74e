/** The demo dataset in memory, one interface per table of the migrations. */
import type { MultiPolygon, Polygon } from 'geojson';
import type { ElevatorState, LandTenure, PropertyManagement } from '../../src/lib/domain/types';
import type { Stage } from '../../src/lib/domain/stages';
import type { SeedFundingLine, SeedPlanItem } from './plans';
import type { SeedPipeNode, SeedPipeSegment } from './pipes';
import type { SeedFacility } from './facilities';
import type { SeedMilestone } from './stages';
import type { SeedSubdistrict } from './subdistricts';
import type { SeedReplan } from './replans';
import type { SeedHistoryEntry } from './history';
import type { SeedSubmission } from './cycle';
import type { BatchYear } from './targets';

export type { SeedHistoryEntry, SeedFundingLine, SeedMilestone, SeedPlanItem, SeedReplan, SeedSubdistrict, SeedSubmission };

export interface SeedDistrict {
	code: string;
	name: string;
	outline: MultiPolygon;
	source: string;
}

export interface SeedCommunity {
	id: string;
	code: string;
	name: string;
	subdistrictCode: string;
	boundary: MultiPolygon;
	builtYear: number;
	landTenure: LandTenure;
	inCityOrCountySeat: boolean;
	inRedevelopmentPlan: boolean;
	mostlySelfBuilt: boolean;
	poorlyMaintained: boolean;
	lacksFacilities: boolean;
	residentsSupportPct: number;
	batchYear: BatchYear;
	households: number;
	residents: number;
	floorAreaM2: number;
	propertyManagement: PropertyManagement;
	isDemo: boolean;
	published: boolean;
}

export interface SeedBuilding {
	id: string;
	communityId: string;
	code: string;
	name: string;
	footprint: Polygon;
	floors: number;
	heightM: number;
	units: number;
	households: number;
	floorAreaM2: number;
	builtYear: number;
	elevator: ElevatorState;
	isDemo: boolean;
}

export interface SeedProject {
	id: string;
	communityId: string;
	stage: Stage;
	implementingBody: string;
	statusAsOf: string;
	isDemo: boolean;
}

export interface SeedProjectMilestone extends SeedMilestone {
	projectId: string;
	/** The first planned date (replans.ts); the generated plannedOn until then. */
	baselineOn?: string | null;
}

export interface SeedTarget {
	districtCode: string;
	periodStart: number;
	periodEnd: number;
	communities: number;
	buildings: number;
	floorAreaWanM2: number;
	households: number;
	residents: number | null;
	version: number;
	source: string;
	adoptedOn: string;
}

export interface SeedDataset {
	seed: number;
	dataDate: string;
	district: SeedDistrict;
	subdistricts: SeedSubdistrict[];
	communities: SeedCommunity[];
	buildings: SeedBuilding[];
	projects: SeedProject[];
	milestones: SeedProjectMilestone[];
	replans: SeedReplan[];
	submissions: SeedSubmission[];
	targets: SeedTarget[];
	planItems: SeedPlanItem[];
	fundingLines: SeedFundingLine[];
	pipeSegments: SeedPipeSegment[];
	pipeNodes: SeedPipeNode[];
	/** Parking and facilities, before and after the plans (facilities.ts). */
	facilities: SeedFacility[];
	/** The backdated record of how the demo got here (history.ts). */
	history: SeedHistoryEntry[];
}
