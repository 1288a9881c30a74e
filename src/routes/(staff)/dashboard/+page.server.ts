import { error } from '@sveltejs/kit';
import '$lib/i18n/dashboard';
import { parseDashboardFilters } from '$lib/domain/dashboard-filters';
import { requireUser } from '$lib/server/auth/guard';
import { readDashboard } from '$lib/server/dashboard';
import { translate } from '$lib/server/i18n';
import type { PageServerLoad } from './$types';

/**
 * The dashboard for planners, leaders and sub-district offices (?year=, ?sub=, ?stale=):
 * figures summed in SQL and the rows behind them, as the member's role may see them. Bad
 * filter values are named on the page and left out, never a failure.
 */
export const load = (async (event) => {
	const { caller, user } = requireUser(event);
	if (!user.appRole) error(403, translate(event.locals.lang, 'dashboard.forbidden'));
	const { filters, problems } = parseDashboardFilters(event.url.searchParams);
	const outcome = await readDashboard(caller, filters);
	if (!outcome.ok) error(403, translate(event.locals.lang, 'dashboard.forbidden'));
	return { dashboard: outcome.value, problems };
}) satisfies PageServerLoad;
