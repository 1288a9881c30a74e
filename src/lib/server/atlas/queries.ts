import type { Queryable } from '../db';
import type { ElevatorState, LandTenure, PropertyManagement, SubdistrictKind } from '$lib/domain/types';
import type { Stage } from '$lib/domain/stages';

// Geometries leave the database as GeoJSON text with 7 decimals (about 1 cm).

export interface DistrictRow {
	code: string;
	name: string;
	outline: string;
}

export interface SubdistrictRow {
	code: string;
	name: string;
	kind: SubdistrictKind;
	label_point: string | null;
	label_is_approximate: boolean;
}

export interface CommunityRow {
	id: string;
	code: string;
	name: string;
	subdistrict_code: string;
	subdistrict_name: string;
	boundary: string;
	label_point: string;
	built_year: number;
	land_tenure: LandTenure;
	meets_hard_criteria: boolean;
	batch_year: number | null;
	households: number;
	residents: number | null;
	floor_area_m2: number;
	building_count: number;
	property_management: PropertyManagement;
	stage: Stage | null;
	status_as_of: string | null;
	milestones: { stage: Stage; planned_on: string | null; actual_on: string | null }[] | null;
	is_demo: boolean;
}

export interface BuildingRow {
	id: string;
	code: string;
	name: string;
	community_id: string;
	footprint: string;
	floors: number;
	height_m: number;
	units: number;
	households: number;
	floor_area_m2: number;
	built_year: number;
	elevator: ElevatorState;
	batch_year: number | null;
	stage: Stage | null;
	subdistrict_code: string;
	is_demo: boolean;
}

export interface TargetRow {
	period_start: number;
	period_end: number;
	communities: number;
	buildings: number;
	floor_area_wan_m2: number;
	households: number;
	residents: number | null;
	source: string;
	version: number;
}

export function selectDistrict(q: Queryable, code: string) {
	return q.query<DistrictRow>(
		`select code, name, st_asgeojson(outline, 7) as outline from public.districts where code = $1`,
		[code]
	);
}

export function selectSubdistricts(q: Queryable, districtCode: string) {
	return q.query<SubdistrictRow>(
		`select code, name, kind, st_asgeojson(label_point, 7) as label_point, label_is_approximate
		 from public.subdistricts where district_code = $1 order by code`,
		[districtCode]
	);
}

export function selectCommunities(q: Queryable, districtCode: string) {
	return q.query<CommunityRow>(
		`select c.id, c.code, c.name, c.subdistrict_code, s.name as subdistrict_name,
		        st_asgeojson(c.boundary, 7) as boundary, st_asgeojson(st_pointonsurface(c.boundary), 7) as label_point,
		        c.built_year, c.land_tenure,
		        c.meets_hard_criteria, c.batch_year, c.households, c.residents, c.floor_area_m2,
		        (select count(*)::int from public.buildings b where b.community_id = c.id) as building_count,
		        c.property_management, p.stage, p.status_as_of::text as status_as_of,
		        (select json_agg(json_build_object('stage', m.stage, 'planned_on', m.planned_on,
		                                           'actual_on', m.actual_on) order by m.planned_on)
		           from public.project_milestones m where m.project_id = p.id) as milestones,
		        c.is_demo
		 from public.communities c
		 join public.subdistricts s on s.code = c.subdistrict_code
		 left join public.renovation_projects p on p.community_id = c.id
		 where s.district_code = $1
		 order by c.batch_year nulls last, c.code`,
		[districtCode]
	);
}

export function selectBuildings(q: Queryable, districtCode: string) {
	return q.query<BuildingRow>(
		`select b.id, b.code, b.name, b.community_id, st_asgeojson(b.footprint, 7) as footprint,
		        b.floors, b.height_m, b.units, b.households, b.floor_area_m2, b.built_year, b.elevator,
		        c.batch_year, p.stage, c.subdistrict_code, b.is_demo
		 from public.buildings b
		 join public.communities c on c.id = b.community_id
		 join public.subdistricts s on s.code = c.subdistrict_code
		 left join public.renovation_projects p on p.community_id = c.id
		 where s.district_code = $1
		 order by b.code`,
		[districtCode]
	);
}

/** The newest version of each target period: single years first, then multi-year totals. */
export function selectTargets(q: Queryable, districtCode: string) {
	return q.query<TargetRow>(
		`select * from (
		   select distinct on (period_start, period_end)
		          period_start, period_end, communities, buildings, floor_area_wan_m2, households,
		          residents, source, version
		   from public.renovation_targets where district_code = $1
		   order by period_start, period_end, version desc
		 ) newest
		 order by period_end - period_start, period_start`,
		[districtCode]
	);
}
