import { describe, expect, it } from 'vitest';
import { daysBetween, scheduleRows } from './schedule-rows';

describe('scheduleRows', () => {
	it('lists all six stages with original, current and actual dates, the move and what is overdue', () => {
		const rows = scheduleRows(
			[
				{ stage: 'approval', baselineOn: '2022-03-01', plannedOn: '2022-03-01', actualOn: '2022-03-21' },
				{ stage: 'tendering', baselineOn: '2022-05-01', plannedOn: '2022-06-20', actualOn: null },
				{ stage: 'construction', baselineOn: '2023-06-10', plannedOn: '2023-08-01', actualOn: null }
			],
			'2023-06-30'
		);
		expect(rows.map((r) => r.stage)).toEqual(['preparation', 'approval', 'tendering', 'construction', 'acceptance', 'archived']);
		expect(rows[0]).toEqual({ stage: 'preparation', baselineOn: null, plannedOn: null, actualOn: null, movedDays: null, overdue: false });
		expect(rows[1]).toMatchObject({ movedDays: 0, overdue: false });
		expect(rows[2]).toMatchObject({ movedDays: 50, overdue: true });
		expect(rows[3]).toMatchObject({ movedDays: 52, overdue: false });
	});

	it('is never overdue without a status date', () => {
		expect(scheduleRows([{ stage: 'approval', baselineOn: null, plannedOn: '2020-01-01', actualOn: null }], null)[1].overdue).toBe(false);
	});

	it('counts days across a leap day', () => {
		expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
		expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
	});
});
