import { describe, expect, it } from 'vitest';
import { refusalFromDatabaseError } from './database-errors';
import type { Refusal } from './outcome';

const forbidden = (): Refusal => ({ kind: 'forbidden', reason: 'outside_subdistricts' });

describe('refusalFromDatabaseError: the programme rules (errcode 55000)', () => {
	it.each([
		['eligibility_override_required', 'edit.error.overrideRequired'],
		['eligibility_override_needless', 'edit.error.overrideNeedless'],
		['baseline_fixed', 'edit.error.baselineFixed']
	])('tells %s as a 400 on the form', (hint, key) => {
		expect(refusalFromDatabaseError({ code: '55000', hint, message: 'x' }, forbidden)).toEqual({ kind: 'invalid', fields: { _form: { key } } });
	});

	it('leaves a 55000 it does not know as an error of the server', () => {
		expect(refusalFromDatabaseError({ code: '55000', hint: 'something else' }, forbidden)).toBeUndefined();
		expect(refusalFromDatabaseError({ code: '55000' }, forbidden)).toBeUndefined();
	});
});

describe('refusalFromDatabaseError: a planned date moved without a reason', () => {
	it('is a 422 on the reason field (20261128090500_replan_reason_required.sql)', () => {
		const error = { code: '23514', constraint: 'replan_reason_required', table: 'project_milestones', column: 'planned_on', message: 'x' };
		expect(refusalFromDatabaseError(error, forbidden)).toEqual({
			kind: 'invalid',
			rule: true,
			fields: { replanReason: { key: 'edit.error.replanReasonRequired' } }
		});
	});
});
