/**
 * A backdated record of how the demo got to where it stands on the data date, so that the
 * map as of any past date (issue 7) has a past to show: the communities and their buildings
 * surveyed in mid-2019, each project opened when its preparation began, its milestones
 * reached on their actual dates (the stage moving with them), re-plans on the day they were
 * made, plan items and their funding from approval on, and the items' percentages rising
 * through construction.
 *
 * The entries are in public.audit_log's terms: an insert names the fields that differed then
 * from the row as seeded (the SQL adds the rest from the seeded row), an update the fields it
 * changed. Replayed to the data date they give exactly the seeded rows; a test checks it.
 * Like the rest of the demo, this history is invented (示例数据).
 */
import { STAGES, stageIndex, type Stage } from '../../src/lib/domain/stages';
import type { SeedDataset } from './types';

export type HistoryTable = 'communities' | 'buildings' | 'renovation_projects' | 'project_milestones' | 'plan_items' | 'funding_lines';

export interface SeedHistoryEntry {
	/** The day of the change (recorded at noon, Beijing time). */
	on: string;
	/** Entries of one community on one day form one change, as one transaction would. */
	change: number;
	table: HistoryTable;
	rowId: string;
	action: 'insert' | 'update';
	communityId: string;
	/** Insert: the fields that differed then from the seeded row. Update: the changed fields. */
	values: Record<string, string | number | null>;
	/** Update: the changed fields' values before. */
	oldValues: Record<string, string | number | null> | null;
}

/** When the communities were surveyed into the database, before the first project began. */
export const SURVEY_DATE = '2019-07-01';

const TABLE_ORDER: HistoryTable[] = ['communities', 'buildings', 'renovation_projects', 'project_milestones', 'plan_items', 'funding_lines'];

type Values = Record<string, string | number | null>;

const DAY_MS = 86_400_000;
const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const iso = (d: number) => new Date(d * DAY_MS).toISOString().slice(0, 10);
const later = (a: string, b: string) => (a > b ? a : b);

/** Collects entries and keeps each row's overridden fields, to write updates' old values. */
class Recorder {
	readonly entries: Omit<SeedHistoryEntry, 'change'>[] = [];
	private readonly state = new Map<string, Values>();
	private readonly lastOn = new Map<string, string>();

	/** Old values are taken in the order of recording, so each row's story must run forward. */
	private at(on: string, key: string) {
		const last = this.lastOn.get(key);
		if (last && on < last) throw new Error(`${key}: a change on ${on} recorded after one on ${last}`);
		this.lastOn.set(key, on);
	}

	insert(on: string, table: HistoryTable, rowId: string, communityId: string, values: Values = {}) {
		this.at(on, `${table}:${rowId}`);
		this.state.set(`${table}:${rowId}`, { ...values });
		this.entries.push({ on, table, rowId, action: 'insert', communityId, values, oldValues: null });
	}

	update(on: string, table: HistoryTable, rowId: string, communityId: string, values: Values) {
		const row = this.state.get(`${table}:${rowId}`);
		if (!row) throw new Error(`${table} ${rowId} updated before it was inserted`);
		const changed = Object.entries(values).filter(([k, v]) => row[k] !== v);
		if (changed.length === 0) return;
		this.at(on, `${table}:${rowId}`);
		const oldValues = Object.fromEntries(changed.map(([k]) => [k, row[k]]));
		for (const [k, v] of changed) row[k] = v;
		this.entries.push({ on, table, rowId, action: 'update', communityId, values: Object.fromEntries(changed), oldValues });
	}

	/** Brings every overridden field back to its seeded value where the story left it elsewhere. */
	settle(on: string, table: HistoryTable, rowId: string, communityId: string, seeded: Values) {
		const row = this.state.get(`${table}:${rowId}`) ?? {};
		const pending = Object.fromEntries(Object.keys(row).map((k) => [k, seeded[k]]));
		this.update(on, table, rowId, communityId, pending);
	}
}

export function generateHistory(data: Omit<SeedDataset, 'history'>): SeedHistoryEntry[] {
	const r = new Recorder();
	const dataDate = data.dataDate;

	for (const c of data.communities) r.insert(SURVEY_DATE, 'communities', c.id, c.id);
	for (const b of data.buildings) r.insert(SURVEY_DATE, 'buildings', b.id, b.communityId);

	for (const p of data.projects) {
		const milestones = data.milestones
			.filter((m) => m.projectId === p.id)
			.sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage));
		const reached = milestones.filter((m) => m.actualOn);
		const start = reached[0]?.actualOn ?? dataDate;
		const firstStage: Stage = reached[0]?.stage ?? STAGES[0];
		r.insert(start, 'renovation_projects', p.id, p.communityId, { stage: firstStage, status_as_of: start });
		const key = (m: { stage: Stage }) => `${p.id}/${m.stage}`;
		for (const m of milestones) {
			const first = m === reached[0];
			r.insert(start, 'project_milestones', key(m), p.communityId, {
				planned_on: m.baselineOn ?? m.plannedOn,
				actual_on: first ? m.actualOn : null
			});
		}
		for (const re of data.replans.filter((x) => x.projectId === p.id)) {
			const on = later(re.replannedAt.slice(0, 10), start);
			r.update(on, 'project_milestones', `${p.id}/${re.stage}`, p.communityId, { planned_on: re.newOn });
		}
		for (const m of reached.slice(1)) {
			r.update(m.actualOn!, 'project_milestones', key(m), p.communityId, { actual_on: m.actualOn });
			r.update(m.actualOn!, 'renovation_projects', p.id, p.communityId, { stage: m.stage, status_as_of: m.actualOn });
		}

		// Plan items: drawn up by approval, worked on from the construction start, half done
		// halfway to acceptance (or to the data date) and finished by then.
		const reachedOn = (stage: Stage) => milestones.find((m) => m.stage === stage)?.actualOn ?? null;
		const planned = later(reachedOn('approval') ?? start, start);
		const building = reachedOn('construction');
		const finished = reachedOn('acceptance') ?? dataDate;
		for (const item of data.planItems.filter((i) => i.communityId === p.communityId)) {
			if (item.status === 'planned') {
				r.insert(planned, 'plan_items', item.id, item.communityId);
				continue;
			}
			r.insert(planned, 'plan_items', item.id, item.communityId, { status: 'planned', percent_complete: 0 });
			const from = building ?? later(planned, dataDate);
			r.update(from, 'plan_items', item.id, item.communityId, { status: 'in_progress', percent_complete: 0 });
			const half = Math.floor(item.percentComplete / 2);
			if (half > 0 && half < 100) {
				const midway = iso(Math.round((days(from) + days(finished)) / 2));
				r.update(later(midway, from), 'plan_items', item.id, item.communityId, { percent_complete: half });
			}
			r.update(later(finished, from), 'plan_items', item.id, item.communityId, {
				status: item.status,
				percent_complete: item.percentComplete
			});
		}

		for (const line of data.fundingLines.filter((f) => f.communityId === p.communityId)) {
			r.insert(planned, 'funding_lines', line.id, line.communityId);
		}

		// Whatever the story left differing from the seeded rows is set right on the data date.
		r.settle(dataDate, 'renovation_projects', p.id, p.communityId, { stage: p.stage, status_as_of: p.statusAsOf });
		for (const m of milestones) {
			r.settle(dataDate, 'project_milestones', key(m), p.communityId, { planned_on: m.plannedOn, actual_on: m.actualOn });
		}
	}

	const sorted = r.entries
		.map((e, i) => ({ e, i }))
		.sort((a, b) => a.e.on.localeCompare(b.e.on) || TABLE_ORDER.indexOf(a.e.table) - TABLE_ORDER.indexOf(b.e.table) || a.i - b.i)
		.map(({ e }) => e);
	const changes = new Map<string, number>();
	return sorted.map((e) => {
		const group = `${e.on}/${e.communityId}`;
		if (!changes.has(group)) changes.set(group, changes.size + 1);
		return { ...e, change: changes.get(group)! };
	});
}
