import type { FieldChange, HistoryEntry, HistoryTable, HistoryValue, RowChange } from '$lib/domain/history';

/** One row of public.audit_log as the history queries select it. */
export interface AuditRow {
	id: number | string | bigint;
	at: Date | string;
	transaction_id: number | string | bigint;
	table_name: HistoryTable;
	row_id: string;
	action: RowChange['action'];
	actor_id: string | null;
	actor_name: string | null;
	actor_role: string | null;
	old_values: Record<string, unknown> | null;
	new_values: Record<string, unknown> | null;
	/** A building's current name (the record of a removed one keeps its own). */
	building_name: string | null;
}

// Keys, bookkeeping and what the entry itself says (its time); nothing a reader acts on. The
// bounding boxes are generated from the geometry, whose change is told already.
const UNTOLD = new Set([
	'id', 'community_id', 'project_id', 'stage_id', 'version', 'updated_at', 'created_at',
	'bbox_west', 'bbox_south', 'bbox_east', 'bbox_north'
]);
// 'geom': pipe segments and nodes, facilities (issue 8).
const GEOMETRIES = new Set(['boundary', 'footprint', 'geom']);

function value(raw: unknown): HistoryValue {
	if (raw === undefined || raw === null) return null;
	if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
	return JSON.stringify(raw);
}

/**
 * The fields a row changed. An update's record holds the changed fields only; an insert's
 * the new row (told as changes from nothing, so a milestone's first date reads as one); a
 * removal's the old row, of which nothing is listed.
 */
function fieldsOf(row: AuditRow): FieldChange[] {
	if (row.action === 'delete') return [];
	const after = row.new_values ?? {};
	const before = row.action === 'update' ? (row.old_values ?? {}) : {};
	// A milestone's stage is its subject, not one of its fields.
	const told = (column: string) => !UNTOLD.has(column) && !(row.table_name === 'project_milestones' && column === 'stage');
	return Object.keys(after)
		.filter((column) => told(column) && (row.action === 'update' || after[column] !== null))
		.map((column) =>
			GEOMETRIES.has(column) ? { column, from: null, to: null, geometry: true as const } : { column, from: value(before[column]), to: value(after[column]) }
		);
}

function subjectOf(row: AuditRow): string | null {
	if (row.table_name === 'project_milestones') return row.row_id.split('/')[1] ?? null;
	if (row.table_name !== 'buildings') return null;
	const named = row.new_values?.name ?? row.old_values?.name;
	return row.building_name ?? (typeof named === 'string' ? named : null);
}

/** Record rows, in any order, as entries by transaction, newest first. */
export function groupEntries(rows: readonly AuditRow[]): HistoryEntry[] {
	const byTransaction = new Map<string, AuditRow[]>();
	for (const row of [...rows].sort((a, b) => Number(a.id) - Number(b.id))) {
		const key = String(row.transaction_id);
		byTransaction.set(key, [...(byTransaction.get(key) ?? []), row]);
	}
	const entries: HistoryEntry[] = [];
	for (const group of byTransaction.values()) {
		const last = group[group.length - 1];
		const changes = group
			.map((row): RowChange => ({ table: row.table_name, rowId: row.row_id, action: row.action, subject: subjectOf(row), fields: fieldsOf(row) }))
			.filter((change) => change.action !== 'update' || change.fields.length > 0);
		if (!changes.length) continue;
		entries.push({
			id: Number(last.id),
			at: new Date(last.at).toISOString(),
			actor: last.actor_id ? { id: last.actor_id, name: last.actor_name, role: last.actor_role } : null,
			changes
		});
	}
	return entries.sort((a, b) => b.id - a.id);
}
