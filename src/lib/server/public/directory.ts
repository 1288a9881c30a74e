import type { DirectoryEntry } from '$lib/domain/community-search';
import type { Caller, Database } from '../db';
import { runAs } from '../writes/run';
import type { Outcome } from '../writes/outcome';
import { searchKeys } from './search-keys';

interface Row {
	code: string;
	name: string;
	subdistrictName: string;
	stage: string | null;
	progressPct: string | number | null;
	lon: number;
	lat: number;
}

/**
 * Every community the caller may see (the public: the published ones), with a point inside
 * each for "near me" — computed here rather than sending boundaries to a phone — and the
 * keys it is found by.
 */
export async function readPublicDirectory(caller: Caller, db?: Database): Promise<Outcome<DirectoryEntry[]>> {
	const outcome = await runAs(caller, db, (tx) =>
		tx.query<Row>(
			`with progress as materialized (select key, progress_pct from public.plan_progress where level = 'community'),
			 inside as (select c.id, extensions.st_pointonsurface(c.boundary) as point from public.communities c)
			 select c.code, c.name, s.name as "subdistrictName", p.stage, pp.progress_pct as "progressPct",
			        round(extensions.st_x(i.point)::numeric, 6)::float8 as lon, round(extensions.st_y(i.point)::numeric, 6)::float8 as lat
			 from public.communities c
			 join inside i on i.id = c.id
			 join public.subdistricts s on s.code = c.subdistrict_code
			 left join public.renovation_projects p on p.community_id = c.id
			 left join progress pp on pp.key = c.id::text
			 order by c.code`
		)
	);
	if (!outcome.ok) return outcome;
	return {
		ok: true,
		value: outcome.value.map((row) => ({
			...row,
			progressPct: row.progressPct === null ? null : Number(row.progressPct),
			keys: searchKeys(row)
		}))
	};
}
