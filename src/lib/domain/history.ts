import { toField } from './columns';
import { STAGES, isStage } from './stages';

/**
 * The record of a community (its own row, its buildings, its project and milestones) as
 * the history timeline and a refused save show it: one entry per transaction, who made it
 * and when, and what each row changed from what to what.
 */
export type HistoryTable =
	| 'communities'
	| 'buildings'
	| 'renovation_projects'
	| 'project_milestones'
	| 'plan_items'
	| 'funding_lines'
	| 'pipe_segments'
	| 'pipe_nodes'
	| 'facilities';

export type HistoryValue = string | number | boolean | null;

export interface FieldChange {
	column: string;
	from: HistoryValue;
	to: HistoryValue;
	/** A geometry: only that it changed is told, not its coordinates. */
	geometry?: true;
}

export interface RowChange {
	table: HistoryTable;
	rowId: string;
	action: 'insert' | 'update' | 'delete';
	/** What the row is to a reader: a building's name, a milestone's stage; null for the community and its project. */
	subject: string | null;
	fields: FieldChange[];
}

export interface HistoryEntry {
	/** The newest record id in the entry (for paging: ask for entries before it). */
	id: number;
	at: string;
	/** null: a migration, the demo data or a job, not a person. */
	actor: { id: string; name: string | null; role: string | null } | null;
	changes: RowChange[];
}

/** A translator: svelte-i18n's $_ in components, translate() on the server. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

// Columns whose values are codes with labels of their own in the dictionaries.
const CODE_LABELS: Record<string, string> = {
	land_tenure: 'landTenure',
	property_management: 'propertyManagement',
	elevator: 'elevator',
	stage: 'stage'
};

export function fieldLabel(column: string, t: Translate): string {
	return t(`edit.field.${toField(column)}`);
}

export function formatValue(column: string, value: HistoryValue, t: Translate, lang: string): string {
	if (value === null || value === '') return t('history.empty');
	if (typeof value === 'boolean') return t(value ? 'edit.value.yes' : 'edit.value.no');
	const codes = CODE_LABELS[column];
	if (codes) return t(`${codes}.${value}`);
	if (typeof value === 'number') return new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value);
	return value;
}

export function subjectLabel(change: RowChange, t: Translate): string | null {
	if (change.table === 'project_milestones') return isStage(change.subject) ? t(`stage.${change.subject}`) : change.subject;
	return change.table === 'buildings' ? change.subject : null;
}

/** Who made an entry: a name (with the role it had then), or the system. */
export function actorLabel(actor: HistoryEntry['actor'], t: Translate): string {
	if (!actor) return t('history.system');
	const name = actor.name ?? t('history.unknownActor');
	const role = actor.role && ['editor', 'planner', 'leader', 'admin'].includes(actor.role) ? t(`edit.role.${actor.role}`) : null;
	return role ? t('history.actorWithRole', { name, role }) : name;
}

function fieldLines(change: RowChange, t: Translate, lang: string): string[] {
	const subject = subjectLabel(change, t);
	return change.fields.map((f) => {
		const label = fieldLabel(f.column, t);
		const line = f.geometry
			? t('history.geometryChanged', { field: label })
			: t('history.changed', { field: label, from: formatValue(f.column, f.from, t, lang), to: formatValue(f.column, f.to, t, lang) });
		return subject ? t('history.ofSubject', { subject, line }) : line;
	});
}

/**
 * Rows added or removed in bulk (the demo data adds a community with all its buildings and
 * milestones at once) are counted, not listed field by field.
 */
function countLine(key: 'history.added' | 'history.removed', changes: RowChange[], t: Translate): string[] {
	if (!changes.length) return [];
	const count = (table: HistoryTable) => changes.filter((c) => c.table === table).length;
	const named = (table: HistoryTable) => changes.filter((c) => c.table === table && c.subject).map((c) => c.subject as string);
	const parts: string[] = [];
	if (count('communities')) parts.push(t('history.thing.community'));
	if (count('renovation_projects')) parts.push(t('history.thing.project'));
	const buildings = count('buildings');
	if (buildings === 1 && named('buildings').length) parts.push(t('history.thing.building', { name: named('buildings')[0] }));
	else if (buildings) parts.push(t('history.thing.buildings', { count: buildings }));
	const milestones = count('project_milestones');
	if (milestones) parts.push(t('history.thing.milestones', { count: milestones }));
	const items = count('plan_items');
	if (items) parts.push(t('history.thing.planItems', { count: items }));
	const lines = count('funding_lines');
	if (lines) parts.push(t('history.thing.fundingLines', { count: lines }));
	const segments = count('pipe_segments');
	if (segments) parts.push(t('history.thing.pipeSegments', { count: segments }));
	const nodes = count('pipe_nodes');
	if (nodes) parts.push(t('history.thing.pipeNodes', { count: nodes }));
	const facilities = count('facilities');
	if (facilities) parts.push(t('history.thing.facilities', { count: facilities }));
	return [t(key, { things: parts.join(t('history.listSeparator')) })];
}

/** An entry in plain language: one line per changed field, or per kind of row added or removed. */
export function describeEntry(entry: HistoryEntry, t: Translate, lang: string): string[] {
	const projectAdded = entry.changes.some((c) => c.table === 'renovation_projects' && c.action === 'insert');
	// A milestone given its first date on an existing project reads as a change of dates.
	const asFields = (c: RowChange) => c.action === 'update' || (c.action === 'insert' && c.table === 'project_milestones' && !projectAdded);
	const ordered = [...entry.changes].sort((a, b) => rank(a) - rank(b));
	return [
		...countLine('history.added', ordered.filter((c) => c.action === 'insert' && !asFields(c)), t),
		...ordered.filter(asFields).flatMap((c) => fieldLines(c, t, lang)),
		...countLine('history.removed', ordered.filter((c) => c.action === 'delete'), t)
	];
}

// The community first, then its project and milestones in stage order, then buildings.
const TABLE_ORDER: HistoryTable[] = ['communities', 'renovation_projects', 'project_milestones', 'buildings'];
function rank(change: RowChange): number {
	const stage = change.table === 'project_milestones' && isStage(change.subject) ? STAGES.indexOf(change.subject) : 0;
	return TABLE_ORDER.indexOf(change.table) * 10 + stage;
}
