import type { Stage } from './stages';

/**
 * What the public page of a community shows: published facts only. Deliberately no budget,
 * funding source, pipe or person: the page is printed on notice boards and shared in chats,
 * and every field here ends up in its HTML.
 */
export interface PublicCommunity {
	code: string;
	name: string;
	subdistrictName: string;
	/** The 镇办 that implements the renovation, as the project names it (else the sub-district's office). */
	office: string | null;
	batchYear: number | null;
	households: number;
	buildings: number;
	isDemo: boolean;
	stage: Stage | null;
	statusAsOf: string | null;
	/**
	 * Percent complete of the plan, and how plan_progress averaged its items: by each item's
	 * share of the cost, or each counted once. Named 'cost' here rather than the view's
	 * 'budget' so that nothing budget-like is even a word in the page's data.
	 */
	progressPct: number | null;
	progressWeighting: 'cost' | 'count' | null;
	milestones: PublicMilestone[];
	items: PublicPlanItem[];
	facilities: PublicFacilityChange[];
	map: OutlineShapes;
}

export interface PublicMilestone {
	stage: Stage;
	plannedOn: string | null;
	actualOn: string | null;
	/** Planned before the project's status date and not reached (public.milestone_schedule). */
	overdue: boolean;
}

export type ItemClass = 'basic' | 'improvement' | 'upgrade';

export interface PublicPlanItem {
	nameZh: string;
	nameEn: string;
	itemClass: ItemClass;
	status: 'planned' | 'in_progress' | 'done';
	percent: number;
}

/** One facility total before and after the renovation (parking spaces, chargers…). */
export interface PublicFacilityChange {
	key: 'parking' | 'chargers' | 'sheds' | 'serviceRoom';
	before: number;
	after: number;
}

/** A community's outline and buildings as SVG path data in one viewBox (outline-svg.ts). */
export interface OutlineShapes {
	width: number;
	height: number;
	boundary: string;
	buildings: string[];
}

/** The next step a resident can expect: the first stage not reached yet, with its planned date. */
export function nextMilestone(milestones: PublicMilestone[]): PublicMilestone | undefined {
	return milestones.find((m) => !m.actualOn);
}
