import { stageIndex } from './stages';
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

/**
 * How far the communities of a target have come: planned (in its batches), started
 * (tendered, 招投标, or later) and completed (accepted, 工程验收, or later). Each is a subset of
 * the one before, so the rows reconcile.
 */
export const LEVELS = { planned: 0, started: stageIndex('tendering'), completed: stageIndex('acceptance') };
export type Level = keyof typeof LEVELS;

export function reached(level: Level, c: CommunityProps): boolean {
	return LEVELS[level] === 0 || (c.stage !== null && stageIndex(c.stage) >= LEVELS[level]);
}

/** Per target row, the totals at each level beside it; `actual` is the planned one. */
export function compareWithTargets(communities: CommunityProps[], targets: Target[]) {
	return targets.map((target) => {
		const planned = communities.filter(inPeriod(target));
		const levels = (Object.keys(LEVELS) as Level[]).map((level) => [level, sumCommunities(planned.filter((c) => reached(level, c)))] as const);
		return { target, actual: levels[0][1], levels };
	});
}
