import { z } from 'zod';

/**
 * Building blocks of the input schemas the edit forms and the server share. Messages are
 * i18n keys (src/lib/i18n/editing), so the same failure reads in Chinese or English
 * wherever it is shown; the numbers they mention come from the issue.
 */

/** A message for one field: an i18n key and the values it interpolates. */
export interface FieldMessage {
	key: string;
	values?: Record<string, string | number>;
}

/** The first problem of each field, by its dotted path inside the values ('milestones.approval.actualOn'). */
export type FieldErrors = Record<string, FieldMessage>;

const missingOr = (key: string) => (issue: { input: unknown }) => (issue.input === undefined || issue.input === null ? 'edit.error.required' : key);

/** A whole number from 0 (or `min`) to `max`. */
export function wholeNumber(max: number, min = 0) {
	return z
		.int({ error: missingOr('edit.error.wholeNumber') })
		.min(min, { error: 'edit.error.min' })
		.max(max, { error: 'edit.error.max' });
}

/** A number from 0 to `max` with at most two decimals, as the schema's numeric(…, 2) columns keep. */
export function amount(max: number) {
	return z
		.number({ error: missingOr('edit.error.number') })
		.min(0, { error: 'edit.error.min' })
		.max(max, { error: 'edit.error.max' })
		.refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { error: 'edit.error.twoDecimals' });
}

export function choice<const T extends readonly [string, ...string[]]>(values: T) {
	return z.enum(values, { error: missingOr('edit.error.choice') });
}

export function flag() {
	return z.boolean({ error: 'edit.error.choice' });
}

/** A calendar date as ISO text (YYYY-MM-DD), the way date inputs and the database give it. */
export function isoDate() {
	return z.iso.date({ error: missingOr('edit.error.date') });
}

/**
 * What the client sends to save: the values, the row version it loaded (the save is refused
 * when the row has moved on since) and the newest record entry it had seen of those rows
 * (so a refusal can list exactly what changed since).
 */
export function versioned<T extends z.ZodType>(values: T) {
	return z.object(
		{
			version: z.int({ error: 'edit.error.version' }).min(1, { error: 'edit.error.version' }),
			seen: z.int({ error: 'edit.error.version' }).min(0, { error: 'edit.error.version' }),
			values
		},
		{ error: 'edit.error.invalid' }
	);
}

/** Today in China (UTC+8), where "not in the future" is judged, as YYYY-MM-DD. */
export function todayInChina(now: Date = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * One message per field, the first zod reported. `within` strips a prefix of the path
 * (the envelope's 'values'), so the form finds its fields by their own names.
 */
export function fieldErrors(error: z.ZodError, within: readonly PropertyKey[] = []): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const inside = within.every((part, i) => issue.path[i] === part);
		const path = (inside ? issue.path.slice(within.length) : issue.path).map(String).join('.') || '_form';
		if (errors[path]) continue;
		// zod's own wording (English) only for shapes no form can produce.
		const key = /^(edit|geometry|pipeTools|feedback)\./.test(issue.message) ? issue.message : 'edit.error.invalid';
		const values: Record<string, string | number> = {};
		if ('minimum' in issue && (typeof issue.minimum === 'number' || typeof issue.minimum === 'bigint')) values.min = Number(issue.minimum);
		if ('maximum' in issue && (typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint')) values.max = Number(issue.maximum);
		// A refinement's own bound (the length a drawing may have), given as its params.
		if (issue.code === 'custom' && typeof issue.params?.max === 'number') values.max = issue.params.max;
		errors[path] = Object.keys(values).length ? { key, values } : { key };
	}
	return errors;
}
