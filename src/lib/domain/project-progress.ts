import { z } from 'zod';
import { choice, isoDate, todayInChina } from './input';
import { STAGES, stageIndex } from './stages';

const milestoneDates = z.object(
	{ plannedOn: isoDate().nullable(), actualOn: isoDate().nullable() },
	{ error: 'edit.error.invalid' }
);

/**
 * Where a project stands (DOMAIN.md §6) and when it entered, or is planned to enter, each
 * stage. Beyond the shapes, the dates must tell a possible story: nothing happened in the
 * future, stages were reached in order, no stage after the current one was reached, the
 * current one was, and the status is reported no earlier than the last thing it reports.
 * `today` is a parameter so tests can fix it; it is judged in China's time zone.
 */
export function makeProjectProgressSchema(today: () => string = todayInChina) {
	return z
		.object(
			{
				stage: choice(STAGES),
				statusAsOf: isoDate(),
				// Every stage, with null dates where there are none: the form always shows all six.
				milestones: z.record(z.enum(STAGES), milestoneDates, { error: 'edit.error.invalid' })
			},
			{ error: 'edit.error.invalid' }
		)
		.superRefine((progress, ctx) => {
			const now = today();
			const at = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
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
