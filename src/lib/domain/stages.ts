/** The workflow of DOMAIN.md §6, in order: a project moves forward through these stages. */
export const STAGES = [
	'preparation', // 项目准备: survey, plan, budget, approval of the annual plan
	'approval', // 立项
	'tendering', // 招投标
	'construction', // 工程实施
	'acceptance', // 工程验收
	'archived' // 竣工决算、归档
] as const;

export type Stage = (typeof STAGES)[number];

export function isStage(value: unknown): value is Stage {
	return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

export function stageIndex(stage: Stage): number {
	return STAGES.indexOf(stage);
}
