import type { ProgressWeighting } from './plan';
import type { Stage } from './stages';
import type { UndergroundFirstFlag } from './underground-first';

/** One community of the staff's list (/communities), as the caller may see it. */
export interface CommunityListRow {
	code: string;
	name: string;
	subdistrictName: string;
	batchYear: number | null;
	stage: Stage | null;
	progressPct: number | null;
	progressWeighting: ProgressWeighting | null;
	late: boolean;
	/** Days behind the baseline (public.community_schedule); null without one. */
	delayDays: number | null;
	/** Why the plan breaks "underground first"; null when it keeps it or the caller may not read pipelines. */
	undergroundFirst: UndergroundFirstFlag | null;
}

export const LIST_SORTS = ['delay', 'name', 'batch', 'progress'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export const isListSort = (value: unknown): value is ListSort => LIST_SORTS.includes(value as ListSort);

// Missing values sort last whichever way the column is read.
const last = (a: number | null, b: number | null, order: (x: number, y: number) => number) =>
	a === null ? (b === null ? 0 : 1) : b === null ? -1 : order(a, b);

const ORDERS: Record<ListSort, (a: CommunityListRow, b: CommunityListRow) => number> = {
	// Most behind first: late ones, by delay, then the rest by delay.
	delay: (a, b) => Number(b.late) - Number(a.late) || last(a.delayDays, b.delayDays, (x, y) => y - x),
	name: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
	batch: (a, b) => last(a.batchYear, b.batchYear, (x, y) => x - y),
	// Least advanced first: that is what a list sorted by progress is read for.
	progress: (a, b) => last(a.progressPct, b.progressPct, (x, y) => x - y)
};

/** The rows in the order `sort` asks for; ties keep the code order. */
export function sortCommunityList(rows: readonly CommunityListRow[], sort: ListSort): CommunityListRow[] {
	return [...rows].sort((a, b) => ORDERS[sort](a, b) || a.code.localeCompare(b.code));
}
