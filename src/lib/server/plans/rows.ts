import type { CatalogueItem, FundingLine, PlanItem, Progress, Violation } from '$lib/domain/plan';
import type { Queryable } from '../db';

// The plan's rows as the panel uses them, read as the caller (row-level security decides),
// with camelCase names given in SQL so the rows are the domain's types as they come.

const VIOLATION_COLUMNS = `v.funding_line_id as "fundingLineId", v.community_id as "communityId", v.source,
  v.amount_yuan as "amountYuan", v.reason, v.offending_yuan as "offendingYuan", v.offending_item_ids::text[] as "offendingItemIds"`;

export function selectCatalogue(q: Queryable): Promise<CatalogueItem[]> {
	return q.query<CatalogueItem>(
		`select code, item_class as "itemClass", part, unit, is_service_room as "isServiceRoom", name_zh as "nameZh", name_en as "nameEn",
		        retired_at is not null as retired
		 from public.renovation_catalogue order by ordinal`
	);
}

export function selectPlanItems(q: Queryable, communityId: string): Promise<PlanItem[]> {
	return q.query<PlanItem>(
		`select i.id, i.version, i.catalogue_code as "catalogueCode", i.quantity, i.unit, i.budget_yuan as "budgetYuan",
		        i.building_ids::text[] as "buildingIds", i.status, i.percent_complete as "percentComplete", i.note,
		        i.starts_on::text as "startsOn", i.finishes_on::text as "finishesOn"
		 from public.plan_items i join public.renovation_catalogue k on k.code = i.catalogue_code
		 where i.community_id = $1 order by k.ordinal, i.id`,
		[communityId]
	);
}

export function selectBuildingNames(q: Queryable, communityId: string): Promise<{ id: string; name: string }[]> {
	return q.query<{ id: string; name: string }>(`select id, name from public.buildings where community_id = $1 order by code`, [communityId]);
}

export async function selectProgress(q: Queryable, communityId: string): Promise<Progress> {
	const [row] = await q.query<Progress>(
		`select progress_pct as pct, weighting from public.plan_progress where level = 'community' and key = $1`,
		[communityId]
	);
	return row ?? { pct: null, weighting: null };
}

export function selectFundingLines(q: Queryable, communityId: string): Promise<FundingLine[]> {
	return q.query<FundingLine>(
		`select f.id, f.version, f.source, f.amount_yuan as "amountYuan", f.plan_item_ids::text[] as "planItemIds", f.note
		 from public.funding_lines f where f.community_id = $1 order by f.source, f.amount_yuan desc, f.id`,
		[communityId]
	);
}

export function selectViolations(q: Queryable, communityId: string): Promise<Violation[]> {
	return q.query<Violation>(
		`select ${VIOLATION_COLUMNS} from public.funding_rule_violations v where v.community_id = $1 order by v.offending_yuan desc`,
		[communityId]
	);
}

/** Every violation the caller may see, with its community, worst first within each community. */
export function selectAllViolations(q: Queryable) {
	return q.query<Violation & { communityCode: string; communityName: string; subdistrictName: string }>(
		`select ${VIOLATION_COLUMNS}, c.code as "communityCode", c.name as "communityName", s.name as "subdistrictName"
		 from public.funding_rule_violations v
		 join public.communities c on c.id = v.community_id
		 join public.subdistricts s on s.code = c.subdistrict_code
		 order by c.code, v.offending_yuan desc`
	);
}

/** The community's sub-district, or undefined when the caller cannot see the community. */
export async function selectCommunityPlace(q: Queryable, communityId: string): Promise<string | undefined> {
	const [row] = await q.query<{ subdistrict_code: string }>(`select subdistrict_code from public.communities where id = $1`, [communityId]);
	return row?.subdistrict_code;
}

/** The newest record entry of the community's rows of `table`: what a form has seen. */
export async function selectSeen(q: Queryable, table: 'plan_items' | 'funding_lines', communityId: string): Promise<number> {
	const [row] = await q.query<{ seen: number }>(
		`select coalesce(max(a.id), 0)::int as seen from public.audit_log a where a.community_id = $1 and a.table_name = $2`,
		[communityId, table]
	);
	return row?.seen ?? 0;
}
