/** The annual cycle (DOMAIN.md §6): each office's candidate list for a plan year, due 31 October the year before. */
export const SUBMISSION_STATES = ['on_time', 'late', 'missing', 'pending'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export interface CycleRow {
	subdistrictCode: string;
	subdistrictName: string;
	kind: 'street' | 'town';
	dueOn: string;
	submittedAt: string | null;
	submittedBy: string | null;
	communities: number | null;
	state: SubmissionState;
}

/** The plan year whose lists are due this 31 October: next year, in China's calendar. */
export function comingPlanYear(todayInChina: string): number {
	return Number(todayInChina.slice(0, 4)) + 1;
}

/** How many offices are in each state. */
export function countStates(rows: readonly CycleRow[]): Record<SubmissionState, number> {
	const counts = Object.fromEntries(SUBMISSION_STATES.map((s) => [s, 0])) as Record<SubmissionState, number>;
	for (const r of rows) counts[r.state] += 1;
	return counts;
}
