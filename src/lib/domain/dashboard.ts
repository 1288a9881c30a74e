import type { Stage } from './stages';

/**
 * The dashboard (issue 9) as its loader ships it: figures summed in SQL
 * (supabase/migrations/20261201090000–090200) and the rows they were summed from, never
 * geometry. A figure's drill-down (dashboard-drill.ts) lists the rows it counted.
 */

/** Planned (in a batch), started (tendered or later), completed (accepted or later). */
export const LEVELS = ['planned', 'started', 'completed'] as const;
export type Level = (typeof LEVELS)[number];

/** What a set of communities adds up to. Floor area in m² (the page shows 万m²). */
export interface Figures {
	communities: number;
	buildings: number;
	floorAreaM2: number;
	households: number;
	residents: number;
}

export type LevelFigures = Record<Level, Figures>;

/** One community as public.dashboard_communities has it. */
export interface DashboardRow {
	id: string;
	code: string;
	name: string;
	subdistrictCode: string;
	subdistrictName: string;
	batchYear: number | null;
	stage: Stage | null;
	stageOrdinal: number | null;
	planned: boolean;
	started: boolean;
	completed: boolean;
	buildings: number;
	floorAreaM2: number;
	households: number;
	residents: number | null;
	late: boolean;
	delayDays: number | null;
	delayBucket: DelayBucket;
	budgetYuan: number | null;
	lastProgressAt: string | null;
}

export const DELAY_BUCKETS = ['on_time', 'up_to_30', 'up_to_90', 'up_to_180', 'over_180', 'unknown'] as const;
export type DelayBucket = (typeof DELAY_BUCKETS)[number];

export interface TargetProgress {
	periodStart: number;
	periodEnd: number;
	source: string;
	target: { communities: number; buildings: number; floorAreaWanM2: number; households: number; residents: number | null };
	levels: LevelFigures;
}

export interface GroupProgress {
	key: string;
	levels: LevelFigures;
}

export interface FundsBySource {
	source: string;
	restricted: boolean;
	communities: number;
	lines: number;
	amountYuan: number;
}

/** One community's money from one source (public.dashboard_funds). */
export interface CommunityFunds {
	communityId: string;
	source: string;
	lines: number;
	amountYuan: number;
}

export interface DelayFigures {
	bucket: DelayBucket;
	communities: number;
	late: number;
	delayDays: number;
	maxDelayDays: number | null;
}

export interface StaleRow {
	communityId: string;
	lastProgressAt: string | null;
	daysSince: number | null;
}

/** One breach of the funding rule (public.funding_rule_violations). */
export interface ViolationRow {
	fundingLineId: string;
	communityId: string;
	source: string;
	amountYuan: number;
	reason: string;
	offendingYuan: number;
}

export interface StageReached {
	stage: Stage;
	communities: number;
	buildings: number;
}

/** A community's residents' feedback (public.feedback_summary): approved, and waiting. */
export interface FeedbackRow {
	code: string;
	name: string;
	suggestions: number;
	ratings: number;
	/** Average of the approved ratings, 1–5; null with none. */
	averageRating: number | null;
	pending: number;
}

export interface Dashboard {
	/** When the data was read (the transaction's time). */
	readAt: string;
	/** The newest progress write among the rows the caller sees: what "数据截至" says. */
	latestWrite: string | null;
	filters: DashboardFilters;
	subdistricts: { code: string; name: string }[];
	years: number[];
	targets: TargetProgress[];
	byYear: GroupProgress[];
	bySubdistrict: GroupProgress[];
	total: LevelFigures;
	funnel: StageReached[];
	budgetYuan: number;
	money: FundsBySource[];
	funds: CommunityFunds[];
	violations: ViolationRow[];
	delays: DelayFigures[];
	stale: StaleRow[];
	/** Communities with any feedback, and the average of all their approved ratings. */
	feedback: { rows: FeedbackRow[]; averageRating: number | null };
	rows: DashboardRow[];
}

/** The page's filters, as the address carries them (dashboard-filters.ts). */
export interface DashboardFilters {
	year: number | null;
	subdistrict: string | null;
	staleDays: number;
}

export const DEFAULT_STALE_DAYS = 30;

export const ZERO: Figures = { communities: 0, buildings: 0, floorAreaM2: 0, households: 0, residents: 0 };

/** 万m² with two decimals, the unit and precision of the official plan. */
export const toWanM2 = (m2: number) => Math.round(m2 / 100) / 100;
