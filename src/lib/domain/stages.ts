import { STAGES } from './stages.gen';

/** The stages and their Chinese names come from public.project_stages (npm run db:types). */
export { STAGES, STAGE_NAMES_ZH } from './stages.gen';

export type Stage = (typeof STAGES)[number];

export function isStage(value: unknown): value is Stage {
	return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

export function stageIndex(stage: Stage): number {
	return STAGES.indexOf(stage);
}
