import { describe, expect, it } from 'vitest';
import { dashboardSearch, parseDashboardFilters } from './dashboard-filters';

describe('the dashboard filters in the address', () => {
	it('reads a year, a sub-district and the stale threshold, and writes them back', () => {
		const { filters, problems } = parseDashboardFilters(new URLSearchParams('year=2021&sub=370303006&stale=60'));
		expect(problems).toEqual([]);
		expect(filters).toEqual({ year: 2021, subdistrict: '370303006', staleDays: 60 });
		expect(dashboardSearch(filters)).toBe('?year=2021&sub=370303006&stale=60');
	});

	it('defaults to the whole district and 30 days, and leaves defaults out of the address', () => {
		const { filters } = parseDashboardFilters(new URLSearchParams(''));
		expect(filters).toEqual({ year: null, subdistrict: null, staleDays: 30 });
		expect(dashboardSearch(filters)).toBe('');
	});

	it('names every bad value instead of reading it as something else', () => {
		const { filters, problems } = parseDashboardFilters(new URLSearchParams('year=21&sub=公园&stale=0'));
		expect(problems).toEqual([
			{ param: 'year', value: '21' },
			{ param: 'sub', value: '公园' },
			{ param: 'stale', value: '0' }
		]);
		expect(filters).toEqual({ year: null, subdistrict: null, staleDays: 30 });
		expect(parseDashboardFilters(new URLSearchParams('stale=99999')).problems).toEqual([{ param: 'stale', value: '99999' }]);
	});
});
