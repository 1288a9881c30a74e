import { error } from '@sveltejs/kit';
import { comingPlanYear } from '$lib/domain/cycle';
import { todayInChina } from '$lib/domain/input';
import { requireUser } from '$lib/server/auth/guard';
import { readCycle } from '$lib/server/cycle';
import { translate } from '$lib/server/i18n';
import type { PageServerLoad } from './$types';

/** The planners' overview of the annual cycle; ?year= for another plan year. */
export const load = (async (event) => {
	const { caller, user } = requireUser(event);
	if (!user.appRole || !['planner', 'leader', 'admin'].includes(user.appRole)) error(403, translate(event.locals.lang, 'cycle.forbidden'));
	const asked = Number(event.url.searchParams.get('year'));
	const planYear = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : comingPlanYear(todayInChina());
	const outcome = await readCycle(caller, planYear);
	if (!outcome.ok) error(403, translate(event.locals.lang, 'cycle.forbidden'));
	return { planYear, rows: outcome.value };
}) satisfies PageServerLoad;
