import { describe, expect, it } from 'vitest';
import { columnSum, sortRows, type DrillRecord } from './dashboard-drill';

const rows: DrillRecord[] = [
	{ id: '1', code: 'ZD-2020-02', name: '乙', buildings: 10, floorAreaM2: 100.1, residents: null },
	{ id: '2', code: 'ZD-2020-01', name: '甲', buildings: 12, floorAreaM2: 200.2, residents: 30 },
	{ id: '3', code: 'ZD-2020-03', name: '丙', buildings: 10, floorAreaM2: 0.01, residents: 20 }
];

describe('the drill-down table', () => {
	it('sorts by a column either way, missing values last, ties in code order', () => {
		expect(sortRows(rows, 'buildings', 'asc').map((r) => r.code)).toEqual(['ZD-2020-02', 'ZD-2020-03', 'ZD-2020-01']);
		expect(sortRows(rows, 'buildings', 'desc').map((r) => r.code)).toEqual(['ZD-2020-01', 'ZD-2020-02', 'ZD-2020-03']);
		expect(sortRows(rows, 'residents', 'asc').map((r) => r.code)).toEqual(['ZD-2020-03', 'ZD-2020-01', 'ZD-2020-02']);
		expect(sortRows(rows, 'residents', 'desc').map((r) => r.code)).toEqual(['ZD-2020-01', 'ZD-2020-03', 'ZD-2020-02']);
	});

	it('adds a column, nulls adding nothing, money and areas to the fen and the cm²', () => {
		expect(columnSum(rows, 'buildings')).toBe(32);
		expect(columnSum(rows, 'residents')).toBe(50);
		expect(columnSum(rows, 'floorAreaM2')).toBe(300.31);
	});
});
