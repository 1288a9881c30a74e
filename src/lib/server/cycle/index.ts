import type { CycleRow } from '$lib/domain/cycle';
import type { Caller, Database } from '../db';
import type { Outcome } from '../writes/outcome';
import { runAs } from '../writes/run';

/**
 * Every office's candidate list for `planYear` as the caller may read them
 * (public.candidate_cycle): planners see all, an editor its own offices' only.
 */
export function readCycle(caller: Caller, planYear: number, db?: Database): Promise<Outcome<CycleRow[]>> {
	return runAs(caller, db, (tx) =>
		tx.query<CycleRow>(
			`select v.subdistrict_code as "subdistrictCode", v.subdistrict_name as "subdistrictName", v.kind,
			        v.due_on::text as "dueOn", v.submitted_at::text as "submittedAt", s.display_name as "submittedBy",
			        v.communities, v.state
			 from public.candidate_cycle v left join public.staff s on s.user_id = v.submitted_by
			 where v.plan_year = $1
			 order by case v.state when 'missing' then 0 when 'late' then 1 when 'pending' then 2 else 3 end, v.subdistrict_code`,
			[planYear]
		)
	);
}
