import { describe, expect, it } from 'vitest';
import { fieldErrors } from './input';
import { makeProjectProgressSchema, replannedStages, type ProjectProgress } from './project-progress';

const TODAY = '2024-05-20';
const schema = makeProjectProgressSchema(() => TODAY);

/** A project in construction since March, as the form would send it. */
function progress(): ProjectProgress {
	return {
		stage: 'construction',
		statusAsOf: '2024-05-01',
		milestones: {
			preparation: { plannedOn: '2023-09-01', actualOn: '2023-09-05' },
			approval: { plannedOn: '2023-12-01', actualOn: '2023-12-20' },
			tendering: { plannedOn: '2024-02-01', actualOn: '2024-02-10' },
			construction: { plannedOn: '2024-03-01', actualOn: '2024-03-15' },
			acceptance: { plannedOn: '2025-03-01', actualOn: null },
			archived: { plannedOn: null, actualOn: null }
		}
	};
}

const errorsOf = (input: unknown) => {
	const result = schema.safeParse(input);
	return result.success ? {} : fieldErrors(result.error);
};

describe('project progress', () => {
	it('accepts a possible story, with plans in the future', () => {
		expect(errorsOf(progress())).toEqual({});
	});

	it('refuses an actual date after today, judged in China', () => {
		const p = progress();
		p.milestones.construction.actualOn = '2024-05-21';
		expect(errorsOf(p)).toEqual({ 'milestones.construction.actualOn': { key: 'edit.error.notFuture' } });
		const q = progress();
		q.statusAsOf = '2024-05-21';
		expect(errorsOf(q)).toEqual({ statusAsOf: { key: 'edit.error.notFuture' } });
	});

	it('refuses stages reached out of order', () => {
		const p = progress();
		p.milestones.tendering.actualOn = '2023-12-01';
		expect(errorsOf(p)).toEqual({ 'milestones.tendering.actualOn': { key: 'edit.error.actualOrder' } });
	});

	it('refuses plans out of order', () => {
		const p = progress();
		p.milestones.acceptance.plannedOn = '2024-02-01';
		expect(errorsOf(p)).toEqual({ 'milestones.acceptance.plannedOn': { key: 'edit.error.plannedOrder' } });
	});

	it('refuses an actual date for a stage after the current one, and wants one for the current', () => {
		const p = progress();
		p.milestones.acceptance.actualOn = '2024-04-01';
		expect(errorsOf(p)).toEqual({ 'milestones.acceptance.actualOn': { key: 'edit.error.actualBeyondStage' } });
		const q = progress();
		q.stage = 'acceptance';
		expect(errorsOf(q)).toEqual({ 'milestones.acceptance.actualOn': { key: 'edit.error.currentStageActual' } });
	});

	it('refuses a status reported before something it reports', () => {
		const p = progress();
		p.statusAsOf = '2024-03-01';
		expect(errorsOf(p)).toEqual({ statusAsOf: { key: 'edit.error.statusBeforeActual' } });
	});

	it('refuses unknown stages, impossible dates and missing stages', () => {
		expect(errorsOf({ ...progress(), stage: 'demolition' })).toEqual({ stage: { key: 'edit.error.choice' } });
		const p = progress();
		p.milestones.approval.plannedOn = '2023-02-30';
		expect(errorsOf(p)).toEqual({ 'milestones.approval.plannedOn': { key: 'edit.error.date' } });
		const { archived: _, ...fiveStages } = progress().milestones;
		expect(Object.keys(errorsOf({ ...progress(), milestones: fiveStages }))).toEqual(['milestones.archived']);
	});

	it('asks for a reason when a planned date moves from the one loaded, not for a first date', () => {
		const loaded = progress();
		const withBefore = makeProjectProgressSchema(() => TODAY, () => loaded.milestones);
		const errors = (input: unknown) => {
			const result = withBefore.safeParse(input);
			return result.success ? {} : fieldErrors(result.error);
		};
		expect(errors(progress())).toEqual({});
		const moved = progress();
		moved.milestones.acceptance.plannedOn = '2025-04-01';
		moved.milestones.archived.plannedOn = '2025-09-01'; // a first date: no re-plan
		expect(replannedStages(loaded.milestones, moved.milestones)).toEqual(['acceptance']);
		expect(errors(moved)).toEqual({ replanReason: { key: 'edit.error.replanReasonRequired' } });
		expect(errors({ ...moved, replanReason: '冬季' })).toEqual({ replanReason: { key: 'edit.error.reasonShort', values: { min: 4 } } });
		expect(errors({ ...moved, replanReason: ' 冬季停工顺延 ' })).toEqual({});
		// Cleared is moved too.
		const cleared = progress();
		cleared.milestones.acceptance.plannedOn = null;
		expect(errors(cleared)).toEqual({ replanReason: { key: 'edit.error.replanReasonRequired' } });
		// The server's schema, without the dates as loaded, leaves the check to the database.
		expect(errorsOf(moved)).toEqual({});
	});
});
