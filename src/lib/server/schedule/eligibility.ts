import type { Eligibility } from '$lib/domain/schedule';
import type { Caller, Database } from '../db';
import { isRowId, refuse, type Outcome } from '../writes/outcome';
import { runAs } from '../writes/run';

/**
 * A community's eligibility as the database computes it (public.community_eligibility), with
 * the planners' overrides for staff: the public may not read those. 404 when the caller
 * cannot see the community.
 */
export function readEligibility(caller: Caller, communityId: string, db?: Database): Promise<Outcome<Eligibility>> {
	return runAs(caller, db, async (tx) => {
		if (!isRowId(communityId)) return refuse({ kind: 'not_found' });
		const [row] = await tx.query<Omit<Eligibility, 'overrides'>>(
			`select status, reasons from public.community_eligibility where community_id = $1`,
			[communityId]
		);
		if (!row) return refuse({ kind: 'not_found' });
		const overrides =
			caller.role === 'anon'
				? []
				: await tx.query<Eligibility['overrides'][number]>(
						`select o.reason, o.covers, o.granted_at::text as "grantedAt", s.display_name as "grantedBy"
						 from public.eligibility_overrides o left join public.staff s on s.user_id = o.granted_by
						 where o.community_id = $1 order by o.granted_at desc`,
						[communityId]
					);
		return { ...row, overrides };
	});
}
