import {
	DELAY_BUCKETS,
	LEVELS,
	ZERO,
	type Dashboard,
	type DashboardFilters,
	type DelayBucket,
	type GroupProgress,
	type Level,
	type LevelFigures
} from '$lib/domain/dashboard';
import { isStage, type Stage } from '$lib/domain/stages';
import type { Caller, Database } from '../db';
import type { Outcome } from '../writes/outcome';
import { runAs } from '../writes/run';
import * as q from './queries';

const isLevel = (v: string): v is Level => (LEVELS as readonly string[]).includes(v);
const isBucket = (v: string): v is DelayBucket => (DELAY_BUCKETS as readonly string[]).includes(v);
const asStage = (v: string | null): Stage | null => (v !== null && isStage(v) ? v : null);
const emptyLevels = (): LevelFigures => ({ planned: { ...ZERO }, started: { ...ZERO }, completed: { ...ZERO } });

type FigureRow = { level: string; communities: number; buildings: number; floorAreaM2: number; households: number; residents: number };

function put(levels: LevelFigures, row: FigureRow) {
	if (!isLevel(row.level)) throw new Error(`unknown level ${row.level}`);
	const { communities, buildings, floorAreaM2, households, residents } = row;
	levels[row.level] = { communities, buildings, floorAreaM2, households, residents };
}

function groups(rows: (FigureRow & { key: string })[]): GroupProgress[] {
	const byKey = new Map<string, LevelFigures>();
	for (const row of rows) {
		const levels = byKey.get(row.key) ?? emptyLevels();
		put(levels, row);
		byKey.set(row.key, levels);
	}
	return [...byKey].map(([key, levels]) => ({ key, levels }));
}

/**
 * Everything the dashboard shows, read as `caller` in one transaction (one snapshot, so the
 * figures and the rows behind them agree): row-level security decides whose communities and
 * whose money count. Refused (403) for the public, who may not read these views at all.
 */
export function readDashboard(caller: Caller, filters: DashboardFilters, db?: Database): Promise<Outcome<Dashboard>> {
	return runAs(caller, db, async (tx) => {
		const [{ readAt }] = await q.selectClock(tx);
		const rows = (await q.selectRows(tx)).map((r) => ({
			...r,
			stage: asStage(r.stage),
			delayBucket: isBucket(r.delayBucket) ? r.delayBucket : 'unknown'
		}));
		const targets = new Map<string, Dashboard['targets'][number]>();
		for (const t of await q.selectTargets(tx)) {
			const key = `${t.periodStart}-${t.periodEnd}`;
			const entry = targets.get(key) ?? {
				periodStart: t.periodStart,
				periodEnd: t.periodEnd,
				source: t.source,
				target: {
					communities: t.targetCommunities,
					buildings: t.targetBuildings,
					floorAreaWanM2: t.targetFloorAreaWanM2,
					households: t.targetHouseholds,
					residents: t.targetResidents
				},
				levels: emptyLevels()
			};
			put(entry.levels, t);
			targets.set(key, entry);
		}
		const progress = await q.selectProgress(tx, filters);
		const total = emptyLevels();
		for (const row of progress.filter((r) => r.groupingBy === 'total')) put(total, row);
		const [{ budgetYuan }] = await q.selectBudget(tx, filters);
		const names = new Map(rows.map((r) => [r.subdistrictCode, r.subdistrictName]));
		const latestWrite = rows.reduce<string | null>((latest, r) => (r.lastProgressAt && (!latest || r.lastProgressAt > latest) ? r.lastProgressAt : latest), null);
		return {
			readAt,
			latestWrite,
			filters,
			subdistricts: [...names].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
			years: [...new Set(rows.flatMap((r) => (r.batchYear === null ? [] : [r.batchYear])))].sort((a, b) => a - b),
			targets: [...targets.values()],
			byYear: groups(progress.filter((r) => r.groupingBy === 'batch_year')),
			bySubdistrict: groups(progress.filter((r) => r.groupingBy === 'subdistrict')),
			total,
			funnel: (await q.selectFunnel(tx, filters)).flatMap((f) => {
				const stage = asStage(f.stage);
				return stage ? [{ stage, communities: f.communities, buildings: f.buildings }] : [];
			}),
			budgetYuan,
			money: await q.selectMoney(tx, filters),
			funds: await q.selectFunds(tx),
			violations: await q.selectViolations(tx, filters),
			delays: (await q.selectDelays(tx, filters)).map((d) => ({ ...d, bucket: isBucket(d.bucket) ? d.bucket : 'unknown' })),
			stale: await q.selectStale(tx, filters),
			feedback: { rows: await q.selectFeedback(tx, filters), averageRating: (await q.selectFeedbackAverage(tx, filters))[0].averageRating },
			rows
		};
	});
}
