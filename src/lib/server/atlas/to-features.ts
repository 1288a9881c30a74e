import type { MultiPolygon, Point, Polygon } from 'geojson';
import type { BatchProgress, BuildingFeature, CommunityFeature, Subdistrict, Target } from '$lib/domain/types';
import type { BatchProgressRow, BuildingRow, CommunityRow, SubdistrictRow, TargetRow } from './queries';

// Explicit converters from database rows to the typed model the page uses; the column
// names stay snake_case in SQL and become camelCase here, in one place.

function geometry<G extends Point | Polygon | MultiPolygon>(json: string, type: G['type']): G {
	const parsed: { type?: unknown } = JSON.parse(json);
	if (parsed.type !== type) throw new Error(`Expected a ${type} from the database, got ${String(parsed.type)}`);
	return parsed as G;
}

export function toSubdistrict(row: SubdistrictRow): Subdistrict {
	const point = row.label_point ? geometry<Point>(row.label_point, 'Point') : null;
	return {
		code: row.code,
		name: row.name,
		kind: row.kind,
		labelPoint: point ? [point.coordinates[0], point.coordinates[1]] : null,
		labelIsApproximate: row.label_is_approximate
	};
}

export function toCommunityFeature(row: CommunityRow): CommunityFeature {
	const [lng, lat] = geometry<Point>(row.label_point, 'Point').coordinates;
	return {
		type: 'Feature',
		id: row.id,
		geometry: geometry<MultiPolygon>(row.boundary, 'MultiPolygon'),
		properties: {
			id: row.id,
			code: row.code,
			name: row.name,
			subdistrictCode: row.subdistrict_code,
			subdistrictName: row.subdistrict_name,
			builtYear: row.built_year,
			landTenure: row.land_tenure,
			meetsHardCriteria: row.meets_hard_criteria,
			batchYear: row.batch_year,
			households: row.households,
			residents: row.residents,
			floorAreaM2: row.floor_area_m2,
			buildingCount: row.building_count,
			labelPoint: [lng, lat],
			propertyManagement: row.property_management,
			stage: row.stage,
			statusAsOf: row.status_as_of,
			late: row.late,
			delayDays: row.delay_days,
			milestones: (row.milestones ?? []).map((m) => ({
				stage: m.stage,
				plannedOn: m.planned_on,
				actualOn: m.actual_on,
				baselineOn: m.baseline_on
			})),
			isDemo: row.is_demo,
			progressPct: row.progress_pct,
			progressWeighting: row.progress_weighting
		}
	};
}

export function toBuildingFeature(row: BuildingRow): BuildingFeature {
	return {
		type: 'Feature',
		id: row.id,
		geometry: geometry<Polygon>(row.footprint, 'Polygon'),
		properties: {
			id: row.id,
			code: row.code,
			name: row.name,
			communityId: row.community_id,
			floors: row.floors,
			heightM: row.height_m,
			units: row.units,
			households: row.households,
			floorAreaM2: row.floor_area_m2,
			builtYear: row.built_year,
			elevator: row.elevator,
			batchYear: row.batch_year,
			stage: row.stage,
			late: row.late,
			delayDays: row.delay_days,
			subdistrictCode: row.subdistrict_code,
			isDemo: row.is_demo,
			progressPct: row.progress_pct,
			progressWeighting: row.progress_weighting
		}
	};
}

export function toBatchProgress(row: BatchProgressRow): BatchProgress {
	return { batchYear: row.batch_year, pct: row.progress_pct, weighting: row.weighting, items: row.items, budgetedItems: row.budgeted_items };
}

export function toTarget(row: TargetRow): Target {
	return {
		periodStart: row.period_start,
		periodEnd: row.period_end,
		communities: row.communities,
		buildings: row.buildings,
		floorAreaWanM2: row.floor_area_wan_m2,
		households: row.households,
		residents: row.residents,
		source: row.source,
		version: row.version
	};
}
