import { describe, expect, it } from 'vitest';
import type { Stage } from './stages';
import { compareWithTargets, sumCommunities, toWanM2 } from './totals';
import type { CommunityProps, Target } from './types';

function community(batchYear: number | null, buildingCount: number, floorAreaM2: number, households: number, stage: Stage | null = 'construction'): CommunityProps {
	return {
		id: `${batchYear}-${buildingCount}`,
		code: 'X',
		name: '测试小区',
		subdistrictCode: '370303002',
		subdistrictName: '公园街道',
		builtYear: 1990,
		landTenure: 'state_owned',
		meetsHardCriteria: true,
		batchYear,
		households,
		residents: households * 3,
		floorAreaM2,
		buildingCount,
		labelPoint: [118.05, 36.8],
		propertyManagement: 'none',
		stage,
		statusAsOf: '2023-06-30',
		late: false,
		delayDays: null,
		milestones: [],
		isDemo: true,
		progressPct: null,
		progressWeighting: null
	};
}

const target = (periodStart: number, periodEnd: number): Target => ({
	periodStart,
	periodEnd,
	communities: 0,
	buildings: 0,
	floorAreaWanM2: 0,
	households: 0,
	residents: null,
	source: 'test',
	version: 1
});

describe('totals', () => {
	it('adds communities, buildings, floor area, households and residents', () => {
		const totals = sumCommunities([community(2020, 10, 30_000, 300), community(2021, 5, 12_500.5, 120)]);
		expect(totals).toEqual({ communities: 2, buildings: 15, floorAreaM2: 42_500.5, households: 420, residents: 1260 });
	});

	it('rounds square metres to 万m² with two decimals as the plan does', () => {
		expect(toWanM2(246_560)).toBe(24.66);
		expect(toWanM2(1_067_280)).toBe(106.73);
		expect(toWanM2(0)).toBe(0);
	});

	it('compares each target period with the communities of its batch years', () => {
		const rows = compareWithTargets(
			[community(2020, 10, 1, 1), community(2021, 20, 1, 1), community(2022, 30, 1, 1), community(null, 99, 1, 1)],
			[target(2020, 2020), target(2020, 2022)]
		);
		expect(rows.map((r) => r.actual.buildings)).toEqual([10, 60]);
	});

	it('counts planned, started (tendered or later) and completed (accepted or later) apart, each within the one before', () => {
		const stages: (Stage | null)[] = [null, 'preparation', 'approval', 'tendering', 'construction', 'acceptance', 'archived'];
		const [row] = compareWithTargets(
			stages.map((stage, i) => community(2021, i + 1, 100, 10, stage)),
			[target(2021, 2021)]
		);
		expect(row.levels.map(([level, t]) => [level, t.communities, t.buildings])).toEqual([
			['planned', 7, 28],
			['started', 4, 22],
			['completed', 2, 13]
		]);
		expect(row.actual).toBe(row.levels[0][1]);
	});
});
