import type { CommunityListRow } from '$lib/domain/community-list';
import type { Caller, Database } from '../db';
import { FLAG_JOIN, FLAG_JSON } from '../underground-first/flags';
import type { Outcome } from '../writes/outcome';
import { runAs } from '../writes/run';

/**
 * Every community the caller may see with its stage, percent complete, delay and whether its
 * plan breaks "underground first", read from the views the map reads (public.plan_progress,
 * public.community_schedule, public.underground_first_flags), so the list and the map cannot
 * disagree. Row-level security decides which communities these are.
 */
export function readCommunityList(caller: Caller, db?: Database): Promise<Outcome<CommunityListRow[]>> {
	// The public may not even ask the flags' view (derived from the pipelines).
	const staff = caller.role === 'authenticated';
	return runAs(caller, db, (tx) =>
		tx.query<CommunityListRow>(
			`with progress as materialized (select key, progress_pct, weighting from public.plan_progress where level = 'community')
			 select c.code, c.name, s.name as "subdistrictName", c.batch_year as "batchYear", p.stage,
			        pp.progress_pct as "progressPct", pp.weighting as "progressWeighting",
			        coalesce(cs.late, false) as late, cs.delay_days as "delayDays",
			        ${staff ? FLAG_JSON : 'null::json'} as "undergroundFirst"
			 from public.communities c
			 join public.subdistricts s on s.code = c.subdistrict_code
			 left join public.renovation_projects p on p.community_id = c.id
			 left join public.community_schedule cs on cs.project_id = p.id
			 left join progress pp on pp.key = c.id::text
			 ${staff ? FLAG_JOIN : ''}
			 order by c.code`
		)
	);
}
