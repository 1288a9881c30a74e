import { toColumn } from '$lib/domain/columns';
import type { SqlParam } from '../db/types';

/**
 * SQL pieces for the fields of an input schema, whose names are the columns in camelCase
 * (src/lib/domain/columns.ts). Names come from the schemas in the code, never from input.
 */
export function selectFields(fields: readonly string[], alias: string): string {
	return fields.map((field) => `${alias}.${toColumn(field)} as "${field}"`).join(', ');
}

/** `column = $n, …` for `fields`, numbered from `first`. */
export function assignFields(fields: readonly string[], first: number): string {
	return fields.map((field, i) => `${toColumn(field)} = $${first + i}`).join(', ');
}

export function fieldParams<T extends object>(fields: readonly (keyof T & string)[], values: T): SqlParam[] {
	return fields.map((field) => values[field] as SqlParam);
}
