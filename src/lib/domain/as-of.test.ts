import { describe, expect, it } from 'vitest';
import { endOfDay, isPast, parseAsOfDate, todayInProgramme } from './as-of';

describe('the as-of date', () => {
	it('accepts real calendar dates only', () => {
		expect(parseAsOfDate('2021-06-30')).toBe('2021-06-30');
		expect(parseAsOfDate('2020-02-29')).toBe('2020-02-29');
		for (const bad of ['2021-02-29', '2021-13-01', '2021-6-30', '20210630', 'yesterday', '', '1999-12-31', '2021-06-30T00:00'])
			expect(parseAsOfDate(bad), bad).toBeUndefined();
	});
	it('takes the day in Beijing time', () => {
		// 2021-06-30 17:00 UTC is already 1 July in Beijing.
		expect(todayInProgramme(new Date('2021-06-30T17:00:00Z'))).toBe('2021-07-01');
		expect(isPast('2021-06-30', new Date('2021-06-30T17:00:00Z'))).toBe(true);
		expect(isPast('2021-07-01', new Date('2021-06-30T17:00:00Z'))).toBe(false);
		expect(endOfDay('2021-06-30')).toBe('2021-06-30 23:59:59.999999+08');
	});
});
