import type { MultiPolygon, Polygon } from 'geojson';
import { outlineShapes } from '$lib/domain/outline-svg';
import type { PublicCommunity, PublicFacilityChange, PublicMilestone, PublicPlanItem } from '$lib/domain/public-community';
import type { Stage } from '$lib/domain/stages';
import type { Caller, Database, Queryable } from '../db';
import { selectCommunitySummary } from '../facilities/queries';
import { runAs } from '../writes/run';
import type { Outcome } from '../writes/outcome';

interface CommunityRow {
	id: string;
	code: string;
	name: string;
	subdistrictName: string;
	office: string | null;
	batchYear: number | null;
	households: number;
	buildings: number;
	isDemo: boolean;
	stage: Stage | null;
	statusAsOf: string | null;
	progressPct: string | number | null;
	progressWeighting: 'cost' | 'count' | null;
	boundary: string;
	footprints: string[];
}

// Columns are named one by one: the page must never carry a budget, a funding line, a pipe
// or a person, and a `select *` would bring whatever a later migration adds.
const COMMUNITY = `
	select c.id, c.code, c.name, s.name as "subdistrictName",
	       coalesce(p.implementing_body, s.name || '办事处') as office,
	       c.batch_year as "batchYear", c.households, c.is_demo as "isDemo",
	       (select count(*)::int from public.buildings b where b.community_id = c.id) as buildings,
	       p.stage, p.status_as_of::text as "statusAsOf",
	       pp.progress_pct as "progressPct",
	       case pp.weighting when 'budget' then 'cost' when 'count' then 'count' end as "progressWeighting",
	       extensions.st_asgeojson(c.boundary, 6) as boundary,
	       coalesce((select array_agg(extensions.st_asgeojson(b.footprint, 6) order by b.code)
	                 from public.buildings b where b.community_id = c.id), '{}') as footprints
	from public.communities c
	join public.subdistricts s on s.code = c.subdistrict_code
	left join public.renovation_projects p on p.community_id = c.id
	left join public.plan_progress pp on pp.level = 'community' and pp.key = c.id::text
	where c.code = $1`;

const selectMilestones = (tx: Queryable, communityId: string) =>
	tx.query<PublicMilestone>(
		`select m.stage, m.planned_on::text as "plannedOn", m.actual_on::text as "actualOn", m.overdue
		 from public.milestone_schedule m where m.community_id = $1 order by m.ordinal`,
		[communityId]
	);

const selectItems = (tx: Queryable, communityId: string) =>
	tx.query<PublicPlanItem>(
		`select k.name_zh as "nameZh", k.name_en as "nameEn", k.item_class as "itemClass", i.status,
		        i.percent_complete as percent
		 from public.plan_items i join public.renovation_catalogue k on k.code = i.catalogue_code
		 where i.community_id = $1 order by k.ordinal, i.id`,
		[communityId]
	);

async function facilityChanges(tx: Queryable, communityId: string): Promise<PublicFacilityChange[]> {
	const [s] = await selectCommunitySummary(tx, communityId);
	if (!s) return [];
	const changes: PublicFacilityChange[] = [
		{ key: 'parking', before: s.parking_spaces_before, after: s.parking_spaces_after },
		{ key: 'chargers', before: s.chargers_before, after: s.chargers_after },
		{ key: 'sheds', before: s.sheds_before, after: s.sheds_after },
		{ key: 'serviceRoom', before: s.service_room_m2_before, after: s.service_room_m2_after }
	];
	return changes.filter((c) => c.before || c.after).map((c) => ({ ...c, before: Number(c.before), after: Number(c.after) }));
}

/**
 * The public page of the community with `code`, read as `caller`: row-level security decides
 * whether it exists (for the public, only once published), so an unpublished community is
 * not found rather than forbidden — its code is not confirmed to anyone who guesses it.
 */
export async function readPublicCommunity(caller: Caller, code: string, db?: Database): Promise<Outcome<PublicCommunity | undefined>> {
	return runAs(caller, db, async (tx) => {
		const [row] = await tx.query<CommunityRow>(COMMUNITY, [code]);
		if (!row) return undefined;
		const { id, boundary, footprints, progressPct, ...facts } = row;
		// One after another: a transaction's queries share one connection.
		const milestones = await selectMilestones(tx, id);
		const items = await selectItems(tx, id);
		const facilities = await facilityChanges(tx, id);
		const map = outlineShapes(
			JSON.parse(boundary) as MultiPolygon,
			footprints.map((f) => JSON.parse(f) as Polygon)
		);
		return { ...facts, progressPct: progressPct === null ? null : Number(progressPct), milestones, items, facilities, map };
	});
}
