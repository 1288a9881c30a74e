import type { Dashboard, DashboardRow, DelayBucket, Figures, Level } from './dashboard';
import { stageIndex, type Stage } from './stages';

/**
 * The rows behind a figure of the dashboard. Each figure names what it counted (a FigureRef)
 * and the same conditions the SQL applied pick the rows here, from the rows the loader sent,
 * so the table under a figure adds up to it (tests/db/dashboard-drill.test.ts checks every one).
 */
export type FigureRef =
	/** A level of a period (a target row, a year: start = end) or a sub-district, within the filters. */
	| { kind: 'level'; level: Level; years: [number, number] | null; subdistrict: string | null }
	/** The communities that have reached `stage` or later (the funnel). */
	| { kind: 'stage'; stage: Stage; year: number | null; subdistrict: string | null }
	| { kind: 'source'; source: string; year: number | null; subdistrict: string | null }
	| { kind: 'delay'; bucket: DelayBucket; year: number | null; subdistrict: string | null }
	/** The loader's stale and violation rows are already filtered. */
	| { kind: 'stale' }
	| { kind: 'violations' };

export const COLUMN_KEYS = [
	'code',
	'name',
	'subdistrict',
	'batchYear',
	'stage',
	'buildings',
	'floorAreaM2',
	'households',
	'residents',
	'amountYuan',
	'lines',
	'delayDays',
	'late',
	'lastProgressAt',
	'source',
	'offendingYuan'
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];
export type Cell = string | number | boolean | null;
export type DrillRecord = Partial<Record<ColumnKey, Cell>> & { id: string };

export interface DrillTable {
	columns: ColumnKey[];
	rows: DrillRecord[];
}

/** Columns whose sum is a figure: the table's total row adds these. */
export const SUMMED: ReadonlySet<ColumnKey> = new Set(['buildings', 'floorAreaM2', 'households', 'residents', 'amountYuan', 'lines', 'offendingYuan']);

const BASE: ColumnKey[] = ['code', 'name', 'subdistrict', 'batchYear', 'stage', 'buildings', 'floorAreaM2', 'households', 'residents'];

function base(row: DashboardRow): DrillRecord {
	return {
		id: row.id,
		code: row.code,
		name: row.name,
		subdistrict: row.subdistrictName,
		batchYear: row.batchYear,
		stage: row.stage,
		buildings: row.buildings,
		floorAreaM2: row.floorAreaM2,
		households: row.households,
		residents: row.residents
	};
}

const within = (year: number | null, subdistrict: string | null) => (row: DashboardRow) =>
	row.planned && (year === null || row.batchYear === year) && (subdistrict === null || row.subdistrictCode === subdistrict);

export function reachedLevel(level: Level, row: DashboardRow): boolean {
	return row.planned && (level === 'planned' || (level === 'started' ? row.started : row.completed));
}

export function drillDown(dashboard: Dashboard, ref: FigureRef): DrillTable {
	const { rows } = dashboard;
	switch (ref.kind) {
		case 'level': {
			const picked = rows.filter(
				(r) =>
					reachedLevel(ref.level, r) &&
					(ref.years === null || (r.batchYear !== null && r.batchYear >= ref.years[0] && r.batchYear <= ref.years[1])) &&
					(ref.subdistrict === null || r.subdistrictCode === ref.subdistrict)
			);
			return { columns: BASE, rows: picked.map(base) };
		}
		case 'stage': {
			const from = stageIndex(ref.stage);
			const picked = rows.filter((r) => within(ref.year, ref.subdistrict)(r) && r.stage !== null && stageIndex(r.stage) >= from);
			return { columns: BASE, rows: picked.map(base) };
		}
		case 'source': {
			const byId = new Map(rows.filter(within(ref.year, ref.subdistrict)).map((r) => [r.id, r]));
			const picked = dashboard.funds.flatMap((f) => {
				const row = f.source === ref.source ? byId.get(f.communityId) : undefined;
				return row ? [{ ...base(row), lines: f.lines, amountYuan: f.amountYuan }] : [];
			});
			return { columns: [...BASE.slice(0, 5), 'lines', 'amountYuan'], rows: picked };
		}
		case 'delay': {
			const picked = rows.filter((r) => within(ref.year, ref.subdistrict)(r) && r.delayBucket === ref.bucket);
			return { columns: [...BASE.slice(0, 5), 'late', 'delayDays'], rows: picked.map((r) => ({ ...base(r), late: r.late, delayDays: r.delayDays })) };
		}
		case 'stale': {
			const byId = new Map(rows.map((r) => [r.id, r]));
			const picked = dashboard.stale.flatMap((s) => {
				const row = byId.get(s.communityId);
				return row ? [{ ...base(row), lastProgressAt: s.lastProgressAt }] : [];
			});
			return { columns: [...BASE.slice(0, 5), 'lastProgressAt'], rows: picked };
		}
		case 'violations': {
			const byId = new Map(rows.map((r) => [r.id, r]));
			const picked = dashboard.violations.flatMap((v) => {
				const row = byId.get(v.communityId);
				return row
					? [{ ...base(row), id: v.fundingLineId, source: v.source, amountYuan: v.amountYuan, offendingYuan: v.offendingYuan }]
					: [];
			});
			return { columns: [...BASE.slice(0, 4), 'source', 'amountYuan', 'offendingYuan'], rows: picked };
		}
	}
}

/** The sum of a column over the rows (nulls add nothing). */
export function columnSum(rows: readonly DrillRecord[], key: ColumnKey): number {
	let sum = 0;
	for (const r of rows) {
		const v = r[key];
		if (typeof v === 'number') sum += v;
	}
	return key === 'floorAreaM2' || key === 'amountYuan' || key === 'offendingYuan' ? Math.round(sum * 100) / 100 : sum;
}

/** What the rows of a community table add up to, in the figures' terms. */
export function figuresOf(rows: readonly DrillRecord[]): Figures {
	return {
		communities: rows.length,
		buildings: columnSum(rows, 'buildings'),
		floorAreaM2: columnSum(rows, 'floorAreaM2'),
		households: columnSum(rows, 'households'),
		residents: columnSum(rows, 'residents')
	};
}

type Direction = 'asc' | 'desc';

/** Rows sorted by one column; missing values last either way, ties in code order. */
export function sortRows(rows: readonly DrillRecord[], key: ColumnKey, direction: Direction): DrillRecord[] {
	const sign = direction === 'asc' ? 1 : -1;
	const compare = (a: Cell | undefined, b: Cell | undefined) => {
		if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
		if (b === null || b === undefined) return -1;
		if (typeof a === 'number' && typeof b === 'number') return sign * (a - b);
		return sign * String(a).localeCompare(String(b), 'zh-CN');
	};
	return [...rows].sort((a, b) => compare(a[key], b[key]) || String(a.code).localeCompare(String(b.code)));
}
