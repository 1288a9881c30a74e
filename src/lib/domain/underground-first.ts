/**
 * Why a community breaks "underground first, then above ground" (先地下、后地上, DOMAIN.md §3),
 * as public.underground_first_flags says: a surface work is to start before the pipes still
 * to renew are renewed, or while their renewal is not scheduled. Derived from the pipelines,
 * so only staff who may read those receive it.
 */
export interface UndergroundFirstFlag {
	/** Pipe segments still to renew, and their networks (pipeline_types codes, in legend order). */
	toRenewSegments: number;
	toRenewTypes: string[];
	/** Networks to renew with no plan item that has a finish date. */
	unscheduledTypes: string[];
	/** When the plan items renewing them are to be finished; null while one is not scheduled. */
	undergroundFinishesOn: string | null;
	/** The first surface work and its planned start. */
	surfaceStartsOn: string;
	surfaceItem: { code: string; nameZh: string; nameEn: string };
}
