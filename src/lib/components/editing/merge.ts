type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const isRecord = (value: unknown): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The user's input laid over the newer values: every field the user changed since `base`
 * (what the form loaded) keeps the user's value; every other field takes the newer one. So
 * after a conflict, keeping one's input does not undo what someone else changed elsewhere
 * in the form. Objects (a project's milestones) are merged field by field.
 */
export function keepChanges<T>(base: T, mine: T, newer: T): T {
	if (isRecord(base) && isRecord(mine) && isRecord(newer)) {
		const keys = new Set([...Object.keys(mine), ...Object.keys(newer)]);
		return Object.fromEntries([...keys].map((key) => [key, keepChanges(base[key], mine[key], newer[key])])) as T;
	}
	return same(mine, base) ? newer : mine;
}
