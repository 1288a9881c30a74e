import type { Queryable } from '../db';
import type { Tables } from '../db/schema.gen';
import type { ProgressWeighting } from '$lib/domain/plan';
import type { Stage } from '$lib/domain/stages';

// Rows as the queries below return them: the tables' own columns typed from the schema
// (npm run db:types), geometries as GeoJSON text with 7 decimals (about 1 cm).

export type DistrictRow = Pick<Tables<'districts'>, 'code' | 'name' | 'outline'>;

export type SubdistrictRow = Pick<Tables<'subdistricts'>, 'code' | 'name' | 'kind' | 'label_point' | 'label_is_approximate'>;

type CommunityColumns = 'id' | 'code' | 'name' | 'subdistrict_code' | 'boundary' | 'built_year' | 'land_tenure' | 'batch_year'
	| 'households' | 'residents' | 'floor_area_m2' | 'property_management' | 'is_demo';

export interface CommunityRow extends Pick<Tables<'communities'>, CommunityColumns> {
	subdistrict_name: string;
	label_point: string;
	/** Generated from columns that are never null. */
	meets_hard_criteria: boolean;
	building_count: number;
	stage: Stage | null;
	status_as_of: string | null;
	late: boolean;
	delay_days: number | null;
	milestones: { stage: Stage; planned_on: string | null; actual_on: string | null; baseline_on: string | null }[] | null;
	progress_pct: number | null;
	progress_weighting: ProgressWeighting | null;
}

type BuildingColumns = 'id' | 'code' | 'name' | 'community_id' | 'footprint' | 'floors' | 'height_m' | 'units' | 'households'
	| 'floor_area_m2' | 'built_year' | 'elevator' | 'is_demo';

export interface BuildingRow extends Pick<Tables<'buildings'>, BuildingColumns> {
	batch_year: Tables<'communities'>['batch_year'];
	stage: Stage | null;
	late: boolean;
	delay_days: number | null;
	subdistrict_code: string;
	progress_pct: number | null;
	progress_weighting: ProgressWeighting | null;
}

export interface BatchProgressRow {
	batch_year: number;
	progress_pct: number;
	weighting: ProgressWeighting;
	items: number;
	budgeted_items: number;
}

export type TargetRow = Pick<Tables<'renovation_targets'>, 'period_start' | 'period_end' | 'communities' | 'buildings'
	| 'floor_area_wan_m2' | 'households' | 'residents' | 'source' | 'version'>;

/**
 * One level of public.plan_progress, computed once for the whole query: joined directly,
 * the planner may evaluate the view's aggregates again for every row (1.4 s for the demo's
 * 296 buildings on PGlite, against 70 ms materialised).
 */
const progressOf = (level: 'community' | 'building') =>
	`select key, progress_pct, weighting from public.plan_progress where level = '${level}'`;

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
		`with progress as materialized (${progressOf('community')})
		 select c.id, c.code, c.name, c.subdistrict_code, s.name as subdistrict_name,
		        st_asgeojson(c.boundary, 7) as boundary, st_asgeojson(st_pointonsurface(c.boundary), 7) as label_point,
		        c.built_year, c.land_tenure,
		        c.meets_hard_criteria, c.batch_year, c.households, c.residents, c.floor_area_m2,
		        (select count(*)::int from public.buildings b where b.community_id = c.id) as building_count,
		        c.property_management, p.stage, p.status_as_of::text as status_as_of,
		        coalesce(cs.late, false) as late, cs.delay_days,
		        (select json_agg(json_build_object('stage', m.stage, 'planned_on', m.planned_on,
		                                           'actual_on', m.actual_on, 'baseline_on', m.baseline_on) order by m.planned_on)
		           from public.project_milestones m where m.project_id = p.id) as milestones,
		        c.is_demo, pp.progress_pct, pp.weighting as progress_weighting
		 from public.communities c
		 join public.subdistricts s on s.code = c.subdistrict_code
		 left join public.renovation_projects p on p.community_id = c.id
		 left join public.community_schedule cs on cs.project_id = p.id
		 left join progress pp on pp.key = c.id::text
		 where s.district_code = $1
		 order by c.batch_year nulls last, c.code`,
		[districtCode]
	);
}

export function selectBuildings(q: Queryable, districtCode: string) {
	return q.query<BuildingRow>(
		`with progress as materialized (${progressOf('building')})
		 select b.id, b.code, b.name, b.community_id, st_asgeojson(b.footprint, 7) as footprint,
		        b.floors, b.height_m, b.units, b.households, b.floor_area_m2, b.built_year, b.elevator,
		        c.batch_year, p.stage, coalesce(cs.late, false) as late, cs.delay_days, c.subdistrict_code, b.is_demo, pp.progress_pct, pp.weighting as progress_weighting
		 from public.buildings b
		 join public.communities c on c.id = b.community_id
		 join public.subdistricts s on s.code = c.subdistrict_code
		 left join public.renovation_projects p on p.community_id = c.id
		 left join public.community_schedule cs on cs.project_id = p.id
		 left join progress pp on pp.key = b.id::text
		 where s.district_code = $1
		 order by b.code`,
		[districtCode]
	);
}

/**
 * The batch years' roll-up, read from the view rather than summed here, so the figure shown
 * is the database's. Batch years are not district-scoped in the view: there is one district.
 */
export function selectBatchProgress(q: Queryable) {
	return q.query<BatchProgressRow>(
		`select key::int as batch_year, progress_pct, weighting, items, budgeted_items
		 from public.plan_progress where level = 'batch_year' order by key`
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
