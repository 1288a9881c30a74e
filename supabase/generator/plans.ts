/**
 * Each demo community's plan (一小区一策) and funding: catalogue items sized from the
 * community's buildings, costed at plausible unit prices, with progress that matches the
 * project's stage, and funding lines that follow the rule of DOMAIN.md §5 — except in
 * the two communities named in DELIBERATE_VIOLATIONS, which break it on purpose so that
 * planners see what a violation looks like.
 */
import type { FundingSource, PlanItemStatus } from '../../src/lib/domain/enums.gen';
import { breakUndergroundFirst, datesOf, workCalendar } from './plan-dates';
import type { Rng } from './rng';
import type { SeedBuilding, SeedCommunity, SeedProject, SeedProjectMilestone } from './types';

export interface SeedPlanItem {
	id: string;
	communityId: string;
	catalogueCode: string;
	quantity: number;
	unit: string;
	budgetYuan: number | null;
	buildingIds: string[];
	status: PlanItemStatus;
	percentComplete: number;
	/** Planned dates (plan-dates.ts); null while not scheduled. */
	startsOn: string | null;
	finishesOn: string | null;
	isDemo: boolean;
}

export interface SeedFundingLine {
	id: string;
	communityId: string;
	source: FundingSource;
	amountYuan: number;
	planItemIds: string[];
	note: string | null;
	isDemo: boolean;
}

/**
 * The catalogue items the demo uses, as supabase/migrations/20261127090000 lists them:
 * unit, whether subsidies may pay (basic or service room), the construction phase
 * (underground first, then the buildings, then above ground: 先地下、后地上) and a unit price.
 */
interface Costed {
	unit: string;
	eligible: boolean;
	phase: number;
	yuanPerUnit: number;
}
const COSTS: Record<string, Costed> = {
	water_supply: { unit: 'm', eligible: true, phase: 0, yuanPerUnit: 420 },
	rain_sewage: { unit: 'm', eligible: true, phase: 0, yuanPerUnit: 650 },
	heating: { unit: 'm', eligible: true, phase: 0, yuanPerUnit: 520 },
	gas: { unit: 'm', eligible: true, phase: 0, yuanPerUnit: 460 },
	power: { unit: 'm', eligible: true, phase: 0, yuanPerUnit: 380 },
	weak_current: { unit: 'm', eligible: true, phase: 0, yuanPerUnit: 210 },
	roof_waterproofing: { unit: 'm²', eligible: true, phase: 1, yuanPerUnit: 95 },
	wall_insulation: { unit: 'm²', eligible: true, phase: 1, yuanPerUnit: 185 },
	painting: { unit: 'm²', eligible: true, phase: 1, yuanPerUnit: 38 },
	security_doors: { unit: '个', eligible: true, phase: 1, yuanPerUnit: 4_800 },
	stair_lights: { unit: '个', eligible: true, phase: 1, yuanPerUnit: 130 },
	downpipes: { unit: 'm', eligible: true, phase: 1, yuanPerUnit: 85 },
	elevator_retrofit: { unit: '部', eligible: false, phase: 1, yuanPerUnit: 560_000 },
	roads: { unit: 'm²', eligible: true, phase: 2, yuanPerUnit: 160 },
	parking: { unit: '个', eligible: true, phase: 2, yuanPerUnit: 2_600 },
	lighting: { unit: '个', eligible: true, phase: 2, yuanPerUnit: 3_200 },
	greening: { unit: 'm²', eligible: true, phase: 2, yuanPerUnit: 125 },
	security: { unit: '处', eligible: true, phase: 2, yuanPerUnit: 18_000 },
	fire_safety: { unit: '处', eligible: true, phase: 2, yuanPerUnit: 12_000 },
	bike_sheds: { unit: '处', eligible: false, phase: 3, yuanPerUnit: 65_000 },
	mailboxes_lockers: { unit: '个', eligible: false, phase: 3, yuanPerUnit: 8_500 },
	property_service_room: { unit: 'm²', eligible: true, phase: 3, yuanPerUnit: 3_600 },
	elderly_care: { unit: 'm²', eligible: false, phase: 3, yuanPerUnit: 4_200 }
};

/** The communities that break the funding rule on purpose, and how. */
export const DELIBERATE_VIOLATIONS: Readonly<Record<string, 'tied' | 'untied'>> = {
	'ZD-2022-02': 'tied', //   district money earmarked for the bike sheds
	'ZD-2021-03': 'untied' //  more municipal subsidy than the basic work costs
};

/** Rounds to whole hundreds of yuan, as budgets are written. */
const hundreds = (yuan: number) => Math.round(yuan / 100) * 100;

interface Draft {
	code: string;
	quantity: number;
	buildingIds: string[];
}

/** What the community renovates, sized from its buildings. */
function draftPlan(rng: Rng, community: SeedCommunity, buildings: SeedBuilding[]): Draft[] {
	const all = buildings.map((b) => b.id);
	const facade = buildings.reduce((s, b) => s + b.heightM * 2 * (b.floorAreaM2 / b.floors / 11 + 11), 0);
	const units = buildings.reduce((s, b) => s + b.units, 0);
	const site = community.floorAreaM2 * rng.float(0.35, 0.5);
	const pipes = Math.round(Math.sqrt(site) * rng.float(3, 4.5));
	const whole = (code: string, quantity: number): Draft => ({ code, quantity: Math.max(1, Math.round(quantity)), buildingIds: [] });
	const some = (share: number) => all.filter(() => rng.chance(share));

	const drafts: Draft[] = [
		whole('water_supply', pipes),
		whole('rain_sewage', pipes * 0.8),
		whole('weak_current', pipes * 0.6),
		whole('roads', site * rng.float(0.25, 0.35)),
		whole('lighting', site / 400),
		whole('greening', site * rng.float(0.1, 0.2)),
		whole('security', Math.max(2, buildings.length / 2)),
		whole('bike_sheds', Math.max(1, buildings.length / 5)),
		{ code: 'painting', quantity: Math.round(facade), buildingIds: all },
		{ code: 'security_doors', quantity: units, buildingIds: all },
		{ code: 'stair_lights', quantity: units * 6, buildingIds: all }
	];
	if (rng.chance(0.6)) drafts.push(whole('heating', pipes * 0.7));
	if (rng.chance(0.5)) drafts.push(whole('gas', pipes * 0.5));
	if (rng.chance(0.5)) drafts.push(whole('parking', site / 120));
	if (rng.chance(0.4)) drafts.push(whole('fire_safety', buildings.length / 3));
	if (rng.chance(0.5)) drafts.push(whole('mailboxes_lockers', buildings.length / 2));
	if (rng.chance(0.45)) drafts.push(whole('property_service_room', rng.int(60, 160)));
	if (rng.chance(0.25)) drafts.push(whole('elderly_care', rng.int(120, 300)));
	const roofs = some(0.7);
	if (roofs.length > 0) {
		const roofArea = buildings.filter((b) => roofs.includes(b.id)).reduce((s, b) => s + b.floorAreaM2 / b.floors, 0);
		drafts.push({ code: 'roof_waterproofing', quantity: Math.round(roofArea * 1.05), buildingIds: roofs });
	}
	if (rng.chance(0.4)) drafts.push({ code: 'wall_insulation', quantity: Math.round(facade * 0.9), buildingIds: all });
	const lifts = buildings.filter((b) => b.elevator === 'retrofit_planned' || b.elevator === 'retrofitted');
	if (lifts.length > 0) {
		drafts.push({ code: 'elevator_retrofit', quantity: lifts.reduce((s, b) => s + b.units, 0), buildingIds: lifts.map((b) => b.id) });
	}
	return drafts;
}

/**
 * Status and percentage of each item: the work goes phase by phase (underground first),
 * so the first items by phase are done, one is under way and the rest are planned. Each
 * item does the share of the work from `start` to `end` (plan-dates.ts dates it from them).
 */
interface Progress {
	status: PlanItemStatus;
	pct: number;
	start: number;
	end: number;
}

function progressOf(items: { phase: number; weight: number }[], done: number): Progress[] {
	const total = items.reduce((s, i) => s + i.weight, 0);
	const order = items.map((item, index) => ({ ...item, index })).sort((a, b) => a.phase - b.phase || a.index - b.index);
	const result = new Array<Progress>(items.length);
	let before = 0;
	for (const item of order) {
		const start = before / total;
		const end = (before + item.weight) / total;
		before += item.weight;
		if (done >= end - 1e-9) result[item.index] = { status: 'done', pct: 100, start, end };
		else if (done <= start) result[item.index] = { status: 'planned', pct: 0, start, end };
		else result[item.index] = { status: 'in_progress', pct: Math.min(99, Math.max(1, Math.round(((done - start) / (end - start)) * 100))), start, end };
	}
	return result;
}

function line(ids: Rng, communityId: string, source: FundingSource, amountYuan: number, planItemIds: string[] = [], note: string | null = null): SeedFundingLine {
	return { id: ids.uuid(), communityId, source, amountYuan, planItemIds, note, isDemo: true };
}

/**
 * Funding that keeps the rule: utility operators pay for their own networks, subsidies and
 * the district budget for the rest of the basic work and service rooms (untied), residents
 * and social capital for everything else, lifts from the provident fund and residents.
 */
function fundPlan(rng: Rng, ids: Rng, community: SeedCommunity, items: SeedPlanItem[]): SeedFundingLine[] {
	const budget = (codes: (i: SeedPlanItem) => boolean) => items.filter(codes).reduce((s, i) => s + (i.budgetYuan ?? 0), 0);
	const lines: SeedFundingLine[] = [];
	const utility = items.filter((i) => i.catalogueCode === 'gas' || i.catalogueCode === 'power');
	const utilityShare = hundreds(budget((i) => utility.includes(i)) * 0.6);
	if (utilityShare > 0) lines.push(line(ids, community.id, 'utility_operator', utilityShare, utility.map((i) => i.id), '专营单位同步改造'));

	const eligible = budget((i) => COSTS[i.catalogueCode].eligible) - utilityShare;
	const central = hundreds(eligible * rng.float(0.3, 0.45));
	const provincial = hundreds(eligible * rng.float(0.1, 0.18));
	const municipal = hundreds(eligible * rng.float(0.08, 0.15));
	lines.push(line(ids, community.id, 'central_subsidy', central));
	lines.push(line(ids, community.id, 'provincial_subsidy', provincial));
	lines.push(line(ids, community.id, 'municipal_subsidy', municipal));
	const district = Math.floor((eligible - central - provincial - municipal) / 100) * 100;
	if (district > 0) lines.push(line(ids, community.id, 'district_budget', district));

	const lifts = items.filter((i) => i.catalogueCode === 'elevator_retrofit');
	for (const lift of lifts) {
		const cost = lift.budgetYuan ?? 0;
		const fund = hundreds(cost * rng.float(0.35, 0.5));
		lines.push(line(ids, community.id, 'provident_fund', fund, [lift.id], '提取住房公积金加装电梯'));
		lines.push(line(ids, community.id, 'donations', hundreds(cost - fund), [lift.id], '居民出资'));
	}
	const care = items.filter((i) => i.catalogueCode === 'elderly_care' && i.budgetYuan !== null);
	for (const c of care) lines.push(line(ids, community.id, 'social_capital', c.budgetYuan ?? 0, [c.id], '社会资本运营养老服务'));
	const rest = budget((i) => !COSTS[i.catalogueCode].eligible && i.catalogueCode !== 'elevator_retrofit' && i.catalogueCode !== 'elderly_care');
	if (rest > 0) {
		const fund = hundreds(rest * rng.float(0.4, 0.7));
		lines.push(line(ids, community.id, 'maintenance_fund', fund));
		if (rest - fund > 0) lines.push(line(ids, community.id, 'public_revenue', hundreds(rest - fund), [], '停车及广告收益'));
	}

	const violation = DELIBERATE_VIOLATIONS[community.code];
	if (violation === 'tied') {
		const sheds = items.find((i) => i.catalogueCode === 'bike_sheds');
		if (sheds?.budgetYuan) lines.push(line(ids, community.id, 'district_budget', sheds.budgetYuan, [sheds.id], '区级资金用于非机动车棚（违反资金规定）'));
	} else if (violation === 'untied') {
		lines.push(line(ids, community.id, 'municipal_subsidy', utilityShare + hundreds(eligible * 0.1), [], '市级追加奖补（超出基础类预算）'));
	}
	return lines;
}

export interface DemoPlans {
	planItems: SeedPlanItem[];
	fundingLines: SeedFundingLine[];
}

export function generatePlans(
	rng: Rng,
	communities: readonly SeedCommunity[],
	buildings: readonly SeedBuilding[],
	projects: readonly SeedProject[],
	milestones: readonly SeedProjectMilestone[],
	dataDate: string
): DemoPlans {
	const ids = rng.fork('ids');
	const planItems: SeedPlanItem[] = [];
	const fundingLines: SeedFundingLine[] = [];
	for (const community of communities) {
		const project = projects.find((p) => p.communityId === community.id);
		if (!project) throw new Error(`no project for ${community.code}`);
		const own = buildings.filter((b) => b.communityId === community.id);
		const drafts = draftPlan(rng, community, own);
		// A project still awaiting approval has not costed its improvement and upgrade work yet.
		const uncosted = (code: string) => project.stage === 'approval' && !COSTS[code].eligible;
		const costed = drafts.map((d) => ({ ...d, budget: uncosted(d.code) ? null : hundreds(d.quantity * COSTS[d.code].yuanPerUnit * rng.float(0.9, 1.15)) }));
		const calendar = workCalendar(project.stage, milestones.filter((m) => m.projectId === project.id), dataDate);
		const progress = progressOf(costed.map((d) => ({ phase: COSTS[d.code].phase, weight: d.budget ?? 1 })), calendar.done);
		const dated = costed.map((d, i): SeedPlanItem => ({
			id: ids.uuid(),
			communityId: community.id,
			catalogueCode: d.code,
			quantity: d.quantity,
			unit: COSTS[d.code].unit,
			budgetYuan: d.budget,
			buildingIds: d.buildingIds,
			status: progress[i].status,
			percentComplete: progress[i].pct,
			...datesOf(calendar, progress[i].start, progress[i].end),
			isDemo: true
		}));
		const items = breakUndergroundFirst(community.code, dated);
		planItems.push(...items);
		fundingLines.push(...fundPlan(rng, ids, community, items));
	}
	return { planItems, fundingLines };
}
