import type { Queryable } from '../db';

// The dashboard's reads, each over the SQL of supabase/migrations/20261201090000–090200 with
// the filters as parameters (null: any). Numbers come back as numbers: numeric columns are
// cast to float8, whose 15 significant digits hold every yuan and m² of the programme.

type Filters = { year: number | null; subdistrict: string | null };
const args = (f: Filters) => [f.year, f.subdistrict];

export const selectClock = (q: Queryable) =>
	q.query<{ readAt: string }>(`select to_json(now())#>>'{}' as "readAt"`);

export const selectRows = (q: Queryable) =>
	q.query<{
		id: string; code: string; name: string; subdistrictCode: string; subdistrictName: string; batchYear: number | null;
		stage: string | null; stageOrdinal: number | null; planned: boolean; started: boolean; completed: boolean; buildings: number;
		floorAreaM2: number; households: number; residents: number | null; late: boolean; delayDays: number | null; delayBucket: string;
		budgetYuan: number | null; lastProgressAt: string | null;
	}>(
		`select id, code, name, subdistrict_code as "subdistrictCode", subdistrict_name as "subdistrictName",
		        batch_year as "batchYear", stage, stage_ordinal as "stageOrdinal", planned, started, completed, buildings,
		        floor_area_m2::float8 as "floorAreaM2", households, residents, late, delay_days as "delayDays",
		        delay_bucket as "delayBucket", budget_yuan::float8 as "budgetYuan",
		        to_json(last_progress_at)#>>'{}' as "lastProgressAt"
		 from public.dashboard_communities order by code`
	);

type FigureColumns = { communities: number; buildings: number; floorAreaM2: number; households: number; residents: number };
const FIGURES = `communities, buildings, floor_area_m2::float8 as "floorAreaM2", households, residents`;

export const selectTargets = (q: Queryable) =>
	q.query<FigureColumns & {
		periodStart: number; periodEnd: number; source: string; level: string; targetCommunities: number; targetBuildings: number;
		targetFloorAreaWanM2: number; targetHouseholds: number; targetResidents: number | null;
	}>(
		`select period_start as "periodStart", period_end as "periodEnd", source, level,
		        target_communities as "targetCommunities", target_buildings as "targetBuildings",
		        target_floor_area_wan_m2::float8 as "targetFloorAreaWanM2", target_households as "targetHouseholds",
		        target_residents as "targetResidents", ${FIGURES}
		 from public.dashboard_targets`
	);

export const selectProgress = (q: Queryable, f: Filters) =>
	q.query<FigureColumns & { groupingBy: string; key: string; level: string }>(
		`select grouping_by as "groupingBy", key, level, ${FIGURES} from public.dashboard_progress($1::smallint, $2::text)`,
		args(f)
	);

/** The stage funnel: planned communities that have reached each stage or a later one. */
export const selectFunnel = (q: Queryable, f: Filters) =>
	q.query<{ stage: string; communities: number; buildings: number }>(
		`select s.code as stage, count(d.id)::int as communities, coalesce(sum(d.buildings), 0)::int as buildings
		 from public.project_stages s
		 left join public.dashboard_communities d
		   on d.planned and d.stage_ordinal >= s.ordinal
		  and ($1::smallint is null or d.batch_year = $1) and ($2::text is null or d.subdistrict_code = $2)
		 group by s.code, s.ordinal order by s.ordinal`,
		args(f)
	);

export const selectBudget = (q: Queryable, f: Filters) =>
	q.query<{ budgetYuan: number }>(
		`select coalesce(sum(budget_yuan), 0)::float8 as "budgetYuan" from public.dashboard_communities d
		 where d.planned and ($1::smallint is null or d.batch_year = $1) and ($2::text is null or d.subdistrict_code = $2)`,
		args(f)
	);

export const selectMoney = (q: Queryable, f: Filters) =>
	q.query<{ source: string; restricted: boolean; communities: number; lines: number; amountYuan: number }>(
		`select source, restricted, communities, lines, amount_yuan::float8 as "amountYuan"
		 from public.dashboard_money($1::smallint, $2::text)`,
		args(f)
	);

export const selectFunds = (q: Queryable) =>
	q.query<{ communityId: string; source: string; lines: number; amountYuan: number }>(
		`select community_id as "communityId", source, lines, amount_yuan::float8 as "amountYuan"
		 from public.dashboard_funds order by source, community_id`
	);

/** The breaches of the funding rule among the filtered communities: its figure is their number. */
export const selectViolations = (q: Queryable, f: Filters) =>
	q.query<{ fundingLineId: string; communityId: string; source: string; amountYuan: number; reason: string; offendingYuan: number }>(
		`select v.funding_line_id as "fundingLineId", v.community_id as "communityId", v.source,
		        v.amount_yuan::float8 as "amountYuan", v.reason, v.offending_yuan::float8 as "offendingYuan"
		 from public.funding_rule_violations v join public.dashboard_communities d on d.id = v.community_id
		 where d.planned and ($1::smallint is null or d.batch_year = $1) and ($2::text is null or d.subdistrict_code = $2)
		 order by d.code, v.funding_line_id`,
		args(f)
	);

export const selectDelays = (q: Queryable, f: Filters) =>
	q.query<{ bucket: string; communities: number; late: number; delayDays: number; maxDelayDays: number | null }>(
		`select delay_bucket as bucket, communities, late, delay_days as "delayDays", max_delay_days as "maxDelayDays"
		 from public.dashboard_delays($1::smallint, $2::text)`,
		args(f)
	);

export const selectStale = (q: Queryable, f: Filters & { staleDays: number }) =>
	q.query<{ communityId: string; lastProgressAt: string | null; daysSince: number | null }>(
		`select community_id as "communityId", to_json(last_progress_at)#>>'{}' as "lastProgressAt", days_since as "daysSince"
		 from public.dashboard_stale($1::int, $2::smallint, $3::text)`,
		[f.staleDays, f.year, f.subdistrict]
	);

/**
 * Residents' feedback per community of the filters (public.feedback_summary): approved
 * suggestions and ratings, their average, and what still waits for moderation. The overall
 * average is over the approved ratings themselves, not an average of averages.
 */
export const selectFeedback = (q: Queryable, f: Filters) =>
	q.query<{ code: string; name: string; suggestions: number; ratings: number; averageRating: number | null; pending: number }>(
		`select d.code, d.name, s.suggestions, s.ratings, s.average_rating::float8 as "averageRating", s.pending
		 from public.feedback_summary s join public.dashboard_communities d on d.id = s.community_id
		 where ($1::int is null or d.batch_year = $1) and ($2::text is null or d.subdistrict_code = $2)
		   and s.suggestions + s.ratings + s.pending > 0
		 order by d.code`,
		args(f)
	);

export const selectFeedbackAverage = (q: Queryable, f: Filters) =>
	q.query<{ averageRating: number | null }>(
		`select round(avg(fb.rating), 2)::float8 as "averageRating"
		 from public.feedback fb join public.dashboard_communities d on d.id = fb.community_id
		 where fb.status = 'approved' and fb.kind = 'rating'
		   and ($1::int is null or d.batch_year = $1) and ($2::text is null or d.subdistrict_code = $2)`,
		args(f)
	);
