import { DEFAULT_STALE_DAYS, type DashboardFilters } from './dashboard';

/**
 * The dashboard's filters as they travel in the address: ?year=2021&sub=370303006&stale=60.
 * A bad value is named, with its key for the message, not silently dropped: a leader who
 * typed a year wrong must not read the whole district as if it were that year.
 */
export type FilterProblem = { param: 'year' | 'sub' | 'stale'; value: string };

export type ParsedFilters = { filters: DashboardFilters; problems: FilterProblem[] };

const YEAR = /^(20\d{2}|2100)$/;
const SUBDISTRICT = /^\d{9}$/;
const DAYS = /^\d{1,4}$/;

export function parseDashboardFilters(params: URLSearchParams): ParsedFilters {
	const problems: FilterProblem[] = [];
	const filters: DashboardFilters = { year: null, subdistrict: null, staleDays: DEFAULT_STALE_DAYS };
	const year = params.get('year');
	if (year) {
		if (YEAR.test(year)) filters.year = Number(year);
		else problems.push({ param: 'year', value: year });
	}
	const sub = params.get('sub');
	if (sub) {
		if (SUBDISTRICT.test(sub)) filters.subdistrict = sub;
		else problems.push({ param: 'sub', value: sub });
	}
	const stale = params.get('stale');
	if (stale) {
		const days = Number(stale);
		if (DAYS.test(stale) && days >= 1 && days <= 3650) filters.staleDays = days;
		else problems.push({ param: 'stale', value: stale });
	}
	return { filters, problems };
}

/** The address of the dashboard with `filters`, leaving defaults out. */
export function dashboardSearch(filters: DashboardFilters): string {
	const params = new URLSearchParams();
	if (filters.year !== null) params.set('year', String(filters.year));
	if (filters.subdistrict) params.set('sub', filters.subdistrict);
	if (filters.staleDays !== DEFAULT_STALE_DAYS) params.set('stale', String(filters.staleDays));
	const search = params.toString();
	return search ? `?${search}` : '';
}
