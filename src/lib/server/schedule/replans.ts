import type { Replan } from '$lib/domain/schedule';
import type { Caller, Database } from '../db';
import { isRowId, refuse, type Outcome } from '../writes/outcome';
import { runAs } from '../writes/run';

/**
 * The re-plans of a community's milestones, newest first, for staff who see it (the public
 * reads none: []). Who re-planned is named as the staff list names them now.
 */
export function readReplans(caller: Caller, communityId: string, db?: Database): Promise<Outcome<Replan[]>> {
	if (caller.role === 'anon') return Promise.resolve({ ok: true, value: [] });
	return runAs(caller, db, async (tx) => {
		if (!isRowId(communityId)) return refuse({ kind: 'not_found' });
		return tx.query<Replan>(
			`select r.stage, r.old_on::text as "oldOn", r.new_on::text as "newOn", r.reason,
			        r.replanned_at::text as at, s.display_name as by
			 from public.milestone_replans r
			 join public.renovation_projects p on p.id = r.project_id
			 left join public.staff s on s.user_id = r.replanned_by
			 where p.community_id = $1
			 order by r.replanned_at desc, r.id`,
			[communityId]
		);
	});
}
