import { z } from 'zod';
import { choice, isoDate, todayInChina } from './input';
import { reasonText } from './schedule';
import { STAGES, stageIndex, type Stage } from './stages';

const milestoneDates = z.object(
	{ plannedOn: isoDate().nullable(), actualOn: isoDate().nullable() },
	{ error: 'edit.error.invalid' }
);

type PlannedDates = Partial<Record<Stage, { plannedOn: string | null }>>;

/**
 * The stages whose planned date `after` moves from one `before` had: re-plans, each of which
 * needs a reason (20261128090500_replan_reason_required.sql). A first date is no re-plan.
 */
export function replannedStages(before: PlannedDates, after: PlannedDates): Stage[] {
	return STAGES.filter((s) => {
		const was = before[s]?.plannedOn ?? null;
		return was !== null && was !== (after[s]?.plannedOn ?? null);
	});
}

/**
 * Where a project stands (DOMAIN.md §6) and when it entered, or is planned to enter, each
 * stage. Beyond the shapes, the dates must tell a possible story: nothing happened in the
 * future, stages were reached in order, no stage after the current one was reached, the
 * current one was, and the status is reported no earlier than the last thing it reports.
 * `today` is a parameter so tests can fix it; it is judged in China's time zone.
 *
 * A planned date moved needs a reason (`replanReason`, recorded with each re-plan). The
 * database refuses a move without one; `plannedBefore`, the dates as loaded, lets the form
 * ask before sending. The server passes none and leaves that check to the database, which
 * knows the dates as they stand when the save lands.
 */
export function makeProjectProgressSchema(today: () => string = todayInChina, plannedBefore?: () => PlannedDates | null | undefined) {
	return z
		.object(
			{
				stage: choice(STAGES),
				statusAsOf: isoDate(),
				// Every stage, with null dates where there are none: the form always shows all six.
				milestones: z.record(z.enum(STAGES), milestoneDates, { error: 'edit.error.invalid' }),
				// Null (or absent) when no planned date moves.
				replanReason: reasonText().nullish()
			},
			{ error: 'edit.error.invalid' }
		)
		.superRefine((progress, ctx) => {
			const now = today();
			const at = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
			const before = plannedBefore?.();
			if (before && !progress.replanReason && replannedStages(before, progress.milestones).length > 0) {
				at(['replanReason'], 'edit.error.replanReasonRequired');
			}
			if (progress.statusAsOf > now) at(['statusAsOf'], 'edit.error.notFuture');

			const current = stageIndex(progress.stage);
			let lastActual: string | null = null;
			let lastPlanned: string | null = null;
			STAGES.forEach((stage, i) => {
				const { plannedOn, actualOn } = progress.milestones[stage];
				if (plannedOn !== null) {
					if (lastPlanned !== null && plannedOn < lastPlanned) at(['milestones', stage, 'plannedOn'], 'edit.error.plannedOrder');
					lastPlanned = plannedOn;
				}
				if (actualOn === null) {
					if (i === current) at(['milestones', stage, 'actualOn'], 'edit.error.currentStageActual');
					return;
				}
				if (actualOn > now) at(['milestones', stage, 'actualOn'], 'edit.error.notFuture');
				else if (i > current) at(['milestones', stage, 'actualOn'], 'edit.error.actualBeyondStage');
				else if (lastActual !== null && actualOn < lastActual) at(['milestones', stage, 'actualOn'], 'edit.error.actualOrder');
				else if (actualOn > progress.statusAsOf) at(['statusAsOf'], 'edit.error.statusBeforeActual');
				lastActual = actualOn;
			});
		});
}

export const projectProgressSchema = makeProjectProgressSchema();
export type ProjectProgress = z.infer<typeof projectProgressSchema>;
