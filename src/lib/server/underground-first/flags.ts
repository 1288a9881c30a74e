import type { UndergroundFirstFlag } from '$lib/domain/underground-first';
import type { Queryable } from '../db';

/**
 * The flag as one JSON value per community row `f` of public.underground_first_flags joined
 * to the catalogue as `k` (the first surface item), null where the plan keeps the rule; the
 * map and the list read the same columns, so they cannot disagree.
 */
export const FLAG_JSON = `case when f.flagged then json_build_object(
	'toRenewSegments', f.to_renew_segments, 'toRenewTypes', f.to_renew_types, 'unscheduledTypes', f.unscheduled_types,
	'undergroundFinishesOn', f.underground_finishes_on::text, 'surfaceStartsOn', f.surface_starts_on::text,
	'surfaceItem', json_build_object('code', k.code, 'nameZh', k.name_zh, 'nameEn', k.name_en)) end`;

/** Joins the view and the first surface item's catalogue entry to communities `c`. */
export const FLAG_JOIN = `left join public.underground_first_flags f on f.community_id = c.id
	left join public.renovation_catalogue k on k.code = f.surface_catalogue_code`;

/**
 * The flagged communities the caller may see, by id. Staff only: the view is not granted to
 * the public at all, and the caller's pipelines' row-level security decides the rest.
 */
export async function selectFlags(tx: Queryable): Promise<Map<string, UndergroundFirstFlag>> {
	const rows = await tx.query<{ id: string; flag: UndergroundFirstFlag }>(
		`select c.id, ${FLAG_JSON} as flag
		 from public.communities c ${FLAG_JOIN}
		 where f.flagged`
	);
	return new Map(rows.map((r) => [r.id, r.flag]));
}
