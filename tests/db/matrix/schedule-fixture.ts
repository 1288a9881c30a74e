import type { Database } from '../../../src/lib/server/db/types';
import { MILESTONE_STAGE, PROJECT, SUBDISTRICT, square } from './fixture';

/**
 * Rows of the eligibility, re-plan and annual-cycle tables for the matrix, one per
 * sub-district A and B, added as the owner after the main fixture: a community that is not
 * eligible (collective land) with an override, a re-plan of the project's milestone, and a
 * candidate list.
 */
export const EXCLUDED = { A: '0c000000-0000-4000-8000-0000000000ca', B: '0c000000-0000-4000-8000-0000000000cb' } as const;
export const OVERRIDE = { A: '0d000000-0000-4000-8000-0000000000ca', B: '0d000000-0000-4000-8000-0000000000cb' } as const;
export const SUBMISSION = { A: '0f000000-0000-4000-8000-00000000000a', B: '0f000000-0000-4000-8000-00000000000b' } as const;
export const SUBMISSION_YEAR = 2030;

export async function addScheduleFixture(db: Database): Promise<void> {
	const sides = ['A', 'B'] as const;
	await db.transaction(async (tx) => {
		await tx.exec(`
			insert into public.communities (id, code, name, subdistrict_code, boundary, built_year, land_tenure,
			  households, floor_area_m2, property_management)
			values ${sides.map((p, n) => `('${EXCLUDED[p]}', 'MX-X-${p}', '集体土地${p}', '${SUBDISTRICT[p]}', ${square(30 + n)}, 1990, 'collective', 10, 500, 'none')`).join(',\n')};
			insert into public.eligibility_overrides (id, community_id, reason)
			values ${sides.map((p) => `('${OVERRIDE[p]}', '${EXCLUDED[p]}', '矩阵例外${p}')`).join(',\n')};
			insert into public.candidate_submissions (id, plan_year, subdistrict_code)
			values ${sides.map((p) => `('${SUBMISSION[p]}', ${SUBMISSION_YEAR}, '${SUBDISTRICT[p]}')`).join(',\n')};
		`);
		await tx.query(`select set_config('atlas.replan_reason', '矩阵重排', true)`);
		for (const p of sides) {
			await tx.query(`update public.project_milestones set planned_on = '2025-11-30' where project_id = $1 and stage = $2`, [PROJECT[p], MILESTONE_STAGE[p]]);
		}
	});
}
