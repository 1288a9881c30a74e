/**
 * Which record entries (public.audit_log) belong to an editable row: its own, and those of
 * child rows keyed '<row id>/<…>' (a project's milestones). Table names are constants of
 * the code, never input; the row's key is SQL given by the caller (a column or a parameter).
 */
export type AuditRows = readonly { table: string; children?: true }[];

export function auditRowsCondition(rows: AuditRows, keySql: string): string {
	return rows
		.map(({ table, children }) =>
			children
				? `(a.table_name = '${table}' and a.row_id like ${keySql}::text || '/%')`
				: `(a.table_name = '${table}' and a.row_id = ${keySql}::text)`
		)
		.join(' or ');
}

/**
 * The id of the newest record entry of those rows, as a column to read in the same
 * statement as the row, so both come from one snapshot: a save made with this pair is
 * refused when the row moved on, and the refusal lists the entries after this id. Ids of
 * one row's entries grow in commit order, as its writers wait for each other's row lock.
 */
export function newestEntrySql(rows: AuditRows, keySql: string, communitySql: string): string {
	return `(select coalesce(max(a.id), 0) from public.audit_log a
	         where a.community_id = ${communitySql} and (${auditRowsCondition(rows, keySql)}))`;
}
