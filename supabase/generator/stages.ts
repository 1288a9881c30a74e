/**
 * Plausible progress of each demo project through the workflow of DOMAIN.md §6 as of the
 * data date, and the milestone dates that go with it.
 */
import { STAGES, stageIndex, type Stage } from '../../src/lib/domain/stages';
import type { Rng } from './rng';
import type { BatchYear } from './targets';

/** The date the demo progress is reported as of (the plan ran to 2023-07-27). */
export const DATA_DATE = '2023-06-30';

/**
 * How many projects of each batch stand at each stage on the data date: the 2020 batch is
 * done (one still finishing its accounts), 2021 mostly accepted or archived, 2022 mostly
 * building, with a few late starters.
 */
const STAGE_MIX: Record<BatchYear, readonly (readonly [Stage, number])[]> = {
	2020: [
		['archived', 4],
		['acceptance', 1]
	],
	2021: [
		['archived', 4],
		['acceptance', 3],
		['construction', 1]
	],
	2022: [
		['construction', 6],
		['tendering', 2],
		['approval', 1]
	]
};

export function stagesForBatch(rng: Rng, year: BatchYear, count: number): Stage[] {
	const stages = STAGE_MIX[year].flatMap(([stage, n]) => new Array<Stage>(n).fill(stage));
	if (stages.length !== count) throw new Error(`stage mix of ${year} has ${stages.length} projects, not ${count}`);
	return rng.shuffle(stages);
}

export interface SeedMilestone {
	stage: Stage;
	plannedOn: string;
	actualOn: string | null;
}

const DAY_MS = 86_400_000;

function toDays(iso: string): number {
	return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

function toIso(days: number): string {
	return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Planned dates: preparation in the autumn before the batch year (next year's plan is due
 * by 31 October), then approval in spring, tendering, a summer construction start, acceptance
 * after about a year including the winter pause, archiving after the final accounts. The
 * 2020 batch was approved only after the implementation plan was issued on 2020-07-27.
 */
function plannedDays(rng: Rng, year: BatchYear): number[] {
	const preparation = toDays(`${year - 1}-09-01`) + rng.int(0, 40);
	const approval = year === 2020 ? toDays('2020-08-03') + rng.int(0, 30) : toDays(`${year}-03-01`) + rng.int(0, 60);
	const tendering = approval + rng.int(35, 60);
	const construction = tendering + rng.int(25, 45);
	const acceptance = construction + rng.int(300, 400);
	const archived = acceptance + rng.int(100, 200);
	return [preparation, approval, tendering, construction, acceptance, archived];
}

/**
 * Milestones for all six stages; actual dates only for stages reached, in order and no
 * later than the data date, so the current stage is the last one with an actual date.
 */
export function milestonesFor(rng: Rng, year: BatchYear, stage: Stage, dataDate = DATA_DATE): SeedMilestone[] {
	const planned = plannedDays(rng, year);
	const reached = stageIndex(stage);
	const actual: number[] = [];
	for (let i = 0; i <= reached; i++) {
		// Surveys start about on time (the plan is due by 31 October); later stages slip more.
		if (i === 0) actual.push(planned[0] + rng.int(-10, 10));
		else actual.push(Math.max(planned[i] + rng.int(-7, 45), actual[i - 1] + rng.int(14, 30)));
	}
	// Projects that got this far by the data date did so by then: pull late dates back,
	// keeping at least a week between consecutive stages.
	let cap = toDays(dataDate) - rng.int(0, 20);
	for (let i = reached; i >= 0; i--) {
		actual[i] = Math.min(actual[i], cap);
		cap = actual[i] - 7;
	}
	return STAGES.map((s, i) => ({
		stage: s,
		plannedOn: toIso(planned[i]),
		actualOn: i <= reached ? toIso(actual[i]) : null
	}));
}
