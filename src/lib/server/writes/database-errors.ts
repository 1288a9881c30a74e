import { toField } from '$lib/domain/columns';
import { isGeometryProblem } from '$lib/domain/geometry';
import type { FieldErrors } from '$lib/domain/input';
import type { Refusal } from './outcome';

function property(error: unknown, name: string): string | undefined {
	if (typeof error !== 'object' || error === null || !(name in error)) return undefined;
	const value = (error as Record<string, unknown>)[name];
	return typeof value === 'string' ? value : undefined;
}

/** The column a check constraint guards, by PostgreSQL's naming (`<table>_<column>_check`). */
function checkedColumn(constraint: string | undefined, table: string | undefined): string | undefined {
	if (!constraint || !table || !constraint.startsWith(`${table}_`) || !constraint.endsWith('_check')) return undefined;
	return constraint.slice(table.length + 1, -'_check'.length);
}

const formOnly = (key: string): FieldErrors => ({ _form: { key } });

/** The message of each programme rule the database enforces (errcode 55000, by its hint). */
const RULES: Record<string, string> = {
	eligibility_override_required: 'edit.error.overrideRequired',
	eligibility_override_needless: 'edit.error.overrideNeedless',
	baseline_fixed: 'edit.error.baselineFixed'
};

/**
 * The refusal a database error stands for, or undefined for errors that are not the
 * request's fault (they stay errors: a 500, or a 503 when the database is unreachable).
 * - 42501 insufficient privilege: no grant (the public), a row-level security check, or the
 *   trigger keeping the bureau's columns from editors → 403
 * - 23514 from the geometry rules' trigger → 422 with every problem's code
 * - 23514 replan_reason_required: a planned date changed without atlas.replan_reason
 *   (20261128090500_replan_reason_required.sql) → 422 on the form's reason field
 * - 23514 check violation, 23502 not null, 23503 reference, 22xxx bad data → 400, on the
 *   field the constraint names when it names one
 * - 55000 a rule of the programme's state, named by the hint (eligibility_override_required,
 *   eligibility_override_needless, baseline_fixed: see the 20261127 migrations) → 400
 */
export function refusalFromDatabaseError(error: unknown, forbidden: () => Refusal): Refusal | undefined {
	const code = property(error, 'code') ?? '';
	if (code === '42501') {
		return /may not change/.test(property(error, 'message') ?? '') ? { kind: 'forbidden', reason: 'bureau_only' } : forbidden();
	}
	if (code === '23514' && property(error, 'constraint') === 'geometry_rules') {
		// The geometry trigger lists every problem's code in the detail.
		const problems = (property(error, 'detail') ?? '').split(',').filter(isGeometryProblem);
		return { kind: 'geometry', problems: problems.length ? problems : ['invalid'] };
	}
	if (code === '23514' && property(error, 'constraint') === 'replan_reason_required') {
		return { kind: 'invalid', rule: true, fields: { replanReason: { key: 'edit.error.replanReasonRequired' } } };
	}
	if (code === '23514') {
		const column = checkedColumn(property(error, 'constraint'), property(error, 'table'));
		return { kind: 'invalid', fields: column ? { [toField(column)]: { key: 'edit.error.rejected' } } : formOnly('edit.error.rejected') };
	}
	if (code === '23502') {
		const column = property(error, 'column');
		return { kind: 'invalid', fields: column ? { [toField(column)]: { key: 'edit.error.required' } } : formOnly('edit.error.required') };
	}
	if (code === '55000') {
		const rule = RULES[property(error, 'hint') ?? ''];
		if (rule) return { kind: 'invalid', fields: formOnly(rule) };
	}
	if (code === '23503') return { kind: 'invalid', fields: formOnly('edit.error.reference') };
	if (code === '22003') return { kind: 'invalid', fields: formOnly('edit.error.outOfRange') };
	if (code.startsWith('22')) return { kind: 'invalid', fields: formOnly('edit.error.format') };
	return undefined;
}
