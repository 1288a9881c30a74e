import type { CommunityProps, Target } from './types';

/** What a set of communities adds up to, in the units the targets use. */
export interface Totals {
	communities: number;
	buildings: number;
	floorAreaM2: number;
	households: number;
	residents: number;
}

export function sumCommunities(communities: Iterable<CommunityProps>): Totals {
	const totals: Totals = { communities: 0, buildings: 0, floorAreaM2: 0, households: 0, residents: 0 };
	for (const c of communities) {
		totals.communities += 1;
		totals.buildings += c.buildingCount;
		totals.floorAreaM2 += c.floorAreaM2;
		totals.households += c.households;
		totals.residents += c.residents ?? 0;
	}
	return totals;
}

/** 万m² with two decimals, the unit and precision of the official plan. */
export function toWanM2(m2: number): number {
	return Math.round(m2 / 100) / 100;
}

/** The communities of the batch years a target covers. */
export function inPeriod(target: Target): (c: CommunityProps) => boolean {
	return (c) => c.batchYear !== null && c.batchYear >= target.periodStart && c.batchYear <= target.periodEnd;
}

/** Per target row, the actual totals beside it. */
export function compareWithTargets(communities: CommunityProps[], targets: Target[]) {
	return targets.map((target) => ({ target, actual: sumCommunities(communities.filter(inPeriod(target))) }));
}
