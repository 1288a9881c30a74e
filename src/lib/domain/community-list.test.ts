import { describe, expect, it } from 'vitest';
import { sortCommunityList, type CommunityListRow } from './community-list';

const row = (code: string, over: Partial<CommunityListRow>): CommunityListRow => ({
	code,
	name: code,
	subdistrictName: '体育场街道',
	batchYear: 2021,
	stage: 'construction',
	progressPct: 50,
	progressWeighting: 'budget',
	late: false,
	delayDays: 0,
	undergroundFirst: null,
	...over
});

describe('the staff list of communities', () => {
	const rows = [
		row('A', { late: false, delayDays: 3, progressPct: null, batchYear: 2022 }),
		row('B', { late: true, delayDays: 40, progressPct: 80 }),
		row('C', { late: true, delayDays: null, progressPct: 10, batchYear: null }),
		row('D', { late: true, delayDays: 120, progressPct: 30, batchYear: 2020 })
	];
	const codes = (sorted: CommunityListRow[]) => sorted.map((r) => r.code);

	it('puts late communities first, the longest delay first, unknown delays after known ones', () => {
		expect(codes(sortCommunityList(rows, 'delay'))).toEqual(['D', 'B', 'C', 'A']);
	});

	it('sorts by progress least advanced first and by batch oldest first, missing values last', () => {
		expect(codes(sortCommunityList(rows, 'progress'))).toEqual(['C', 'D', 'B', 'A']);
		expect(codes(sortCommunityList(rows, 'batch'))).toEqual(['D', 'B', 'A', 'C']);
	});
});
