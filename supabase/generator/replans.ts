/**
 * Baselines and re-plans of the demo milestones: most milestones were never re-planned, so
 * their baseline is their planned date; a few were moved once, with a reason, before they
 * were due. Only dates already planned move (the current plan stays as generated), so which
 * projects run late against their plan does not change.
 */
import type { Rng } from './rng';
import type { SeedProjectMilestone } from './types';

export interface SeedReplan {
	id: string;
	projectId: string;
	stage: SeedProjectMilestone['stage'];
	oldOn: string;
	newOn: string;
	reason: string;
	replannedAt: string;
}

/** Why plans slipped in practice: the reasons offices give (plausible, invented). */
const REASONS = [
	'招标流标，重新组织招标',
	'燃气管线改造需专营单位同步施工，调整工期',
	'冬季停工，顺延至次年开春',
	'居民协商增加加装电梯内容，方案调整',
	'雨污分流方案变更，重新审批',
	'财政资金下达延后'
] as const;

/** How many demo projects had one milestone re-planned. */
export const REPLANNED_PROJECTS = 5;

const DAY_MS = 86_400_000;
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The milestones with their baselines, and the re-plans that moved some of them: for a few
 * projects, the tendering, construction or acceptance date was first planned 3–9 weeks
 * earlier and moved about two months before that first date.
 */
export function withBaselines(
	rng: Rng,
	milestones: readonly SeedProjectMilestone[]
): { milestones: (SeedProjectMilestone & { baselineOn: string | null })[]; replans: SeedReplan[] } {
	const projects = [...new Set(milestones.map((m) => m.projectId))];
	const chosen = new Set(rng.shuffle(projects).slice(0, REPLANNED_PROJECTS));
	const replans: SeedReplan[] = [];
	const out = milestones.map((m) => ({ ...m, baselineOn: m.plannedOn }));
	for (const projectId of projects.filter((p) => chosen.has(p))) {
		const candidates = out.filter(
			(m) => m.projectId === projectId && m.plannedOn && ['tendering', 'construction', 'acceptance'].includes(m.stage)
		);
		const m = rng.pick(candidates);
		const newOn = m.plannedOn;
		if (!newOn) continue;
		const baselineOn = shift(newOn, -rng.int(21, 63));
		m.baselineOn = baselineOn;
		replans.push({
			id: rng.uuid(),
			projectId,
			stage: m.stage,
			oldOn: baselineOn,
			newOn,
			reason: rng.pick(REASONS),
			replannedAt: `${shift(baselineOn, -rng.int(45, 75))}T10:00:00+08:00`
		});
	}
	return { milestones: out, replans };
}
