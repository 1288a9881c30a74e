import { z } from 'zod';
import { FUNDING_SOURCES, PLAN_ITEM_STATUSES, type CataloguePart, type FundingSource, type ItemClass, type PlanItemStatus } from './enums.gen';
import { amount, choice, isoDate, wholeNumber } from './input';
import type { Actor } from './permissions';

export { CATALOGUE_PARTS, FUNDING_SOURCES, ITEM_CLASSES, PLAN_ITEM_STATUSES } from './enums.gen';
export type { CataloguePart, FundingSource, ItemClass, PlanItemStatus } from './enums.gen';

/**
 * How a percentage of progress was weighted (public.plan_progress): by the items' budgets,
 * or counting every item the same where a budget is missing. Shown beside every figure.
 */
export type ProgressWeighting = 'budget' | 'count';

/** The sources the funding rule restricts to basic items and service rooms (DOMAIN.md §5). */
export const RESTRICTED_SOURCES = ['central_subsidy', 'provincial_subsidy', 'municipal_subsidy', 'district_budget'] as const satisfies readonly FundingSource[];

/** Why public.funding_rule_violations flags a line. */
export type ViolationReason = 'tied_to_ineligible_items' | 'untied_exceeds_eligible_budget';

/** One item of the renovation catalogue (public.renovation_catalogue). */
export interface CatalogueItem {
	code: string;
	itemClass: ItemClass;
	part: CataloguePart;
	unit: string;
	isServiceRoom: boolean;
	nameZh: string;
	nameEn: string;
	/** No longer offered for new plan items; the plans that have it keep it. */
	retired: boolean;
}

/** A plan item as the panel shows it. */
export interface PlanItem {
	id: string;
	version: number;
	catalogueCode: string;
	quantity: number;
	unit: string;
	budgetYuan: number | null;
	buildingIds: string[];
	status: PlanItemStatus;
	percentComplete: number;
	note: string | null;
	/** Planned start and finish (YYYY-MM-DD); null while not scheduled. */
	startsOn: string | null;
	finishesOn: string | null;
}

export interface Progress {
	pct: number | null;
	weighting: ProgressWeighting | null;
}

/** A community's plan with the rights the caller has over it. */
export interface CommunityPlan {
	communityId: string;
	items: PlanItem[];
	/** The community's buildings, which items may be limited to. */
	buildings: { id: string; name: string }[];
	progress: Progress;
	rights: PlanRights;
}

export interface FundingLine {
	id: string;
	version: number;
	source: FundingSource;
	amountYuan: number;
	planItemIds: string[];
	note: string | null;
}

export interface Violation {
	fundingLineId: string;
	communityId: string;
	source: FundingSource;
	amountYuan: number;
	reason: ViolationReason;
	offendingYuan: number;
	offendingItemIds: string[];
}

export interface CommunityFunding {
	communityId: string;
	lines: FundingLine[];
	violations: Violation[];
}

/** A violation in the planner's list, with the community it belongs to. */
export interface ListedViolation extends Violation {
	communityCode: string;
	communityName: string;
	subdistrictName: string;
}

/** What a caller may do with a community's plan, mirroring the policies of the plan tables. */
export interface PlanRights {
	editPlan: boolean;
	readFunding: boolean;
	editFunding: boolean;
}

export function planRightsOver(actor: Actor | null, subdistrictCode: string): PlanRights {
	switch (actor?.appRole) {
		case 'planner':
		case 'admin':
			return { editPlan: true, readFunding: true, editFunding: true };
		case 'leader':
			return { editPlan: false, readFunding: true, editFunding: false };
		case 'editor': {
			const own = actor.subdistricts.includes(subdistrictCode);
			return { editPlan: own, readFunding: own, editFunding: own };
		}
		default:
			return { editPlan: false, readFunding: false, editFunding: false };
	}
}

/** The funds of each source, largest first. */
export function sumsBySource(lines: readonly Pick<FundingLine, 'source' | 'amountYuan'>[]): { source: FundingSource; amountYuan: number }[] {
	const sums = new Map<FundingSource, number>();
	for (const l of lines) sums.set(l.source, Math.round(((sums.get(l.source) ?? 0) + l.amountYuan) * 100) / 100);
	return [...sums].map(([source, amountYuan]) => ({ source, amountYuan })).sort((a, b) => b.amountYuan - a.amountYuan);
}

const uuidList = z
	.array(z.uuid({ error: 'edit.error.invalid' }), { error: 'edit.error.invalid' })
	.max(500, { error: 'edit.error.max' })
	.refine((ids) => new Set(ids).size === ids.length, { error: 'edit.error.duplicate' });

const note = z.string({ error: 'edit.error.invalid' }).trim().max(500, { error: 'edit.error.max' }).nullable();

/**
 * A planned date: empty while not scheduled, within the years the table accepts (a typed
 * 0202 is refused here, with its field, rather than by the database). Optional, so a client
 * that knows nothing of dates leaves them as they are.
 */
const plannedDate = isoDate()
	.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', { error: 'edit.error.planDateRange' })
	.nullable()
	.optional();

/**
 * A plan item as a form sends it. Status and percentage must agree, as the table's check
 * says: nothing done while planned, all of it when done.
 */
export const planItemSchema = z
	.object(
		{
			catalogueCode: z.string({ error: 'edit.error.choice' }).regex(/^[a-z][a-z0-9_]*$/, { error: 'edit.error.choice' }),
			quantity: amount(9_999_999_999).refine((n) => n > 0, { error: 'edit.error.positive' }),
			unit: z.string({ error: 'edit.error.required' }).trim().min(1, { error: 'edit.error.required' }).max(10, { error: 'edit.error.max' }),
			budgetYuan: amount(999_999_999_999).nullable(),
			buildingIds: uuidList,
			status: choice(PLAN_ITEM_STATUSES),
			percentComplete: wholeNumber(100),
			note,
			startsOn: plannedDate,
			finishesOn: plannedDate
		},
		{ error: 'edit.error.invalid' }
	)
	.superRefine((item, ctx) => {
		if (item.startsOn && item.finishesOn && item.finishesOn < item.startsOn) {
			ctx.addIssue({ code: 'custom', path: ['finishesOn'], message: 'edit.error.finishBeforeStart' });
		}
		const agrees =
			item.status === 'planned' ? item.percentComplete === 0 : item.status === 'done' ? item.percentComplete === 100 : item.percentComplete < 100;
		if (!agrees) ctx.addIssue({ code: 'custom', path: ['percentComplete'], message: 'edit.error.percentStatus' });
	});
export type PlanItemValues = z.infer<typeof planItemSchema>;

export const fundingLineSchema = z.object(
	{
		source: choice(FUNDING_SOURCES),
		amountYuan: amount(999_999_999_999).refine((n) => n > 0, { error: 'edit.error.positive' }),
		planItemIds: uuidList,
		note
	},
	{ error: 'edit.error.invalid' }
);
export type FundingLineValues = z.infer<typeof fundingLineSchema>;

/** The status that goes with a percentage, for forms that record progress as a number. */
export function statusFor(percentComplete: number): PlanItemStatus {
	return percentComplete <= 0 ? 'planned' : percentComplete >= 100 ? 'done' : 'in_progress';
}
