import { describe, expect, it } from 'vitest';
import { dateOfDay, dayNumber, nextMonth, yearStarts } from './days';

describe('days', () => {
	it('round-trips dates through day numbers', () => {
		for (const d of ['2019-07-01', '2020-02-29', '2023-12-31']) expect(dateOfDay(dayNumber(d))).toBe(d);
		expect(dayNumber('2020-03-01') - dayNumber('2020-02-28')).toBe(2);
	});
	it('steps a month, keeping to the end of shorter months', () => {
		expect(nextMonth('2021-01-15')).toBe('2021-02-15');
		expect(nextMonth('2021-01-31')).toBe('2021-02-28');
		expect(nextMonth('2020-01-31')).toBe('2020-02-29');
		expect(nextMonth('2021-12-31')).toBe('2022-01-31');
	});
	it('lists the new years between two dates', () => {
		expect(yearStarts('2019-07-01', '2021-06-30')).toEqual(['2020-01-01', '2021-01-01']);
		expect(yearStarts('2019-07-01', '2019-12-31')).toEqual([]);
	});
});
