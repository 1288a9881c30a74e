import { STAGES, type Stage } from './stages';
import type { Milestone } from './types';

/** One stage of a community's schedule: original plan, current plan, what happened. */
export interface ScheduleRow {
	stage: Stage;
	baselineOn: string | null;
	plannedOn: string | null;
	actualOn: string | null;
	/** Current plan minus original, in days: how far re-planning moved it; null when either is missing. */
	movedDays: number | null;
	/** Planned (current plan) before the status date and not happened. */
	overdue: boolean;
}

const DAY_MS = 86_400_000;

/** Days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The six stages in order with their three dates, as public.milestone_schedule has them
 * (slip_days, overdue), from the milestones the map already carries.
 */
export function scheduleRows(milestones: readonly Milestone[], statusAsOf: string | null): ScheduleRow[] {
	const byStage = new Map(milestones.map((m) => [m.stage, m]));
	return STAGES.map((stage) => {
		const m = byStage.get(stage);
		const baselineOn = m?.baselineOn ?? null;
		const plannedOn = m?.plannedOn ?? null;
		const actualOn = m?.actualOn ?? null;
		return {
			stage,
			baselineOn,
			plannedOn,
			actualOn,
			movedDays: baselineOn && plannedOn ? daysBetween(baselineOn, plannedOn) : null,
			overdue: actualOn === null && plannedOn !== null && statusAsOf !== null && plannedOn < statusAsOf
		};
	});
}
