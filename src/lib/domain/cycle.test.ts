import { describe, expect, it } from 'vitest';
import { comingPlanYear, countStates, type CycleRow } from './cycle';

describe('the annual cycle', () => {
	it('takes next year as the coming plan year, before and after 31 October alike', () => {
		expect(comingPlanYear('2026-03-01')).toBe(2027);
		expect(comingPlanYear('2026-11-24')).toBe(2027);
	});

	it('counts the offices in each state', () => {
		const row = (state: CycleRow['state']): CycleRow => ({
			subdistrictCode: '370303001', subdistrictName: '车站街道', kind: 'street', dueOn: '2026-10-31',
			submittedAt: null, submittedBy: null, communities: null, state
		});
		expect(countStates([row('late'), row('missing'), row('missing'), row('on_time')])).toEqual({ on_time: 1, late: 1, missing: 2, pending: 0 });
	});
});
