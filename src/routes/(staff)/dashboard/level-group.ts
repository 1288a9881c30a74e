import type { Level, LevelFigures, TargetProgress } from '$lib/domain/dashboard';
import type { FigureRef } from '$lib/domain/dashboard-drill';

/** One block of LevelTable: a target period, a batch or a sub-district. */
export interface LevelGroup {
	id: string;
	label: string;
	levels: LevelFigures;
	/** The official target, when the group is a target period. */
	target?: TargetProgress['target'];
	ref: (level: Level) => FigureRef;
}
