/**
 * Field names in TypeScript are the database's column names in camelCase ('floorAreaM2' is
 * floor_area_m2), so the input schemas name the columns they write and the record's column
 * names find their labels without a table of pairs to keep in step.
 */
export function toColumn(field: string): string {
	return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

export function toField(column: string): string {
	return column.replace(/_([a-z0-9])/g, (_, next: string) => next.toUpperCase());
}
