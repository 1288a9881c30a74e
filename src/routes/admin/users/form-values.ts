import { isAppRole, type AppRole } from '$lib/domain/roles';

/** A form's fields as a refused action sent them back. */
export type Fields = Record<string, string | string[]>;

export const textOf = (fields: Fields | undefined, name: string, fallback = ''): string => {
	const value = fields?.[name];
	return typeof value === 'string' ? value : fallback;
};

export const listOf = (fields: Fields | undefined, name: string, fallback: string[] = []): string[] => {
	const value = fields?.[name];
	return Array.isArray(value) ? value : fallback;
};

export const roleOf = (fields: Fields | undefined, fallback: AppRole): AppRole => {
	const value = fields?.appRole;
	return isAppRole(value) ? value : fallback;
};
