-- How far the renovation has got, rolled up from the plan items: item → building →
-- community → batch year → sub-district → district (issue 7). Each level's percentage is
-- the items' percent complete weighted by their budgets; where any item of the level has no
-- budget (or the budgets add up to nothing), every item counts the same instead, and the
-- row says so: weighting 'budget' or 'count'. The UI states the weighting next to every
-- figure. Runs with the caller's rights: the public's district is the published communities'.
--
-- Buildings: an item listing buildings is shared equally among them; an item for the whole
-- community (no buildings listed) among all the community's buildings. So a building's
-- figure is made of the same weights as its community's, and the budget-weighted mean of a
-- community's buildings is the community's figure.

create or replace view public.plan_progress with (security_invoker = true) as
with items as (
  select i.id, i.community_id, i.building_ids, i.budget_yuan, i.percent_complete::numeric as pct,
         c.batch_year, c.subdistrict_code, s.district_code
  from public.plan_items i
  join public.communities c on c.id = i.community_id
  join public.subdistricts s on s.code = c.subdistrict_code
),
-- The places above the building: plain aggregates over the items, one grouping set each.
places as (
  select case when grouping(community_id) = 0 then 'community'
              when grouping(batch_year) = 0 then 'batch_year'
              when grouping(subdistrict_code) = 0 then 'subdistrict'
              else 'district' end as level,
         case when grouping(community_id) = 0 then community_id::text
              when grouping(batch_year) = 0 then batch_year::text
              when grouping(subdistrict_code) = 0 then subdistrict_code
              else district_code end as key,
         count(*)::int as items,
         count(budget_yuan)::int as budgeted_items,
         sum(budget_yuan) as budget_yuan,
         count(*) = count(budget_yuan) and coalesce(sum(budget_yuan), 0) > 0 as by_budget,
         sum(budget_yuan * pct) / nullif(sum(budget_yuan), 0) as budget_pct,
         avg(pct) as count_pct
  from items
  group by grouping sets ((community_id), (batch_year), (subdistrict_code), (district_code))
),
building_shares as (
  select b.id as building_id, i.budget_yuan / n.buildings as budget_yuan, i.pct
  from items i
  join (select community_id, count(*) as buildings from public.buildings group by community_id) n
    on n.community_id = i.community_id
  join public.buildings b on b.community_id = i.community_id
  where cardinality(i.building_ids) = 0
  union all
  select b.id, i.budget_yuan / cardinality(i.building_ids), i.pct
  from items i
  join public.buildings b on b.id = any(i.building_ids)
),
buildings as (
  select 'building' as level, building_id::text as key,
         count(*)::int as items,
         count(budget_yuan)::int as budgeted_items,
         sum(budget_yuan) as budget_yuan,
         count(*) = count(budget_yuan) and coalesce(sum(budget_yuan), 0) > 0 as by_budget,
         sum(budget_yuan * pct) / nullif(sum(budget_yuan), 0) as budget_pct,
         avg(pct) as count_pct
  from building_shares
  group by building_id
)
select level, key, items, budgeted_items, round(budget_yuan, 2) as budget_yuan,
       round(case when by_budget then budget_pct else count_pct end, 1) as progress_pct,
       case when by_budget then 'budget' else 'count' end as weighting
from (select * from places union all select * from buildings) p
where key is not null;

grant select on public.plan_progress to anon, authenticated, service_role;
