-- The one hard rule of DOMAIN.md §5: "中央、省、市奖补资金及区级预算资金仅用于老旧小区改造基础类
-- 项目及社区管理服务用房、物业服务用房建设" — central, provincial and municipal subsidies and
-- district-budget money ("restricted money") may pay only for basic-class items and for
-- community-service and property-service rooms ("eligible items"). This view is the only
-- statement of the rule: the API, the UI and the tests all read it. It runs with the
-- caller's rights, so it shows only the funding lines the caller may read (none to the public).
--
-- A restricted line is checked in one of two ways:
-- 1. Tied to plan items (plan_item_ids not empty): it pays for those items only, shared in
--    proportion to their budgets (equally when any of them has no budget). Its offending
--    amount is the share that falls on ineligible items: reason 'tied_to_ineligible_items',
--    with those items listed.
-- 2. Untied: it pays for the plan as a whole, so together with the community's other untied
--    restricted lines it must fit within the eligible budget that tied restricted money has
--    not already taken: headroom = budget of eligible items − the eligible shares of tied
--    restricted lines (never below zero). Eligible items without a budget add nothing, since
--    no amount can be justified by an unknown cost. Whatever the untied lines exceed that
--    headroom by would be paying for improvement or upgrade work: reason
--    'untied_exceeds_eligible_budget', the excess spread over the untied lines in proportion
--    to their amounts (so the offending amounts of a community add up to the excess).
-- Money from any other source may pay for anything and is never offending.

create or replace view public.funding_rule_violations with (security_invoker = true) as
with restricted as (
  select f.*
  from public.funding_lines f
  where f.source in ('central_subsidy', 'provincial_subsidy', 'municipal_subsidy', 'district_budget')
),
items as (
  select i.id, i.community_id, i.budget_yuan,
         (k.item_class = 'basic' or k.is_service_room) as eligible
  from public.plan_items i
  join public.renovation_catalogue k on k.code = i.catalogue_code
),
-- Each tied line's split over its items: every item's weight, and which are ineligible.
tied as (
  select r.id, r.community_id, r.amount_yuan,
         case when bool_and(i.budget_yuan is not null) and sum(i.budget_yuan) > 0
              then coalesce(sum(i.budget_yuan) filter (where not i.eligible), 0) / sum(i.budget_yuan)
              else count(*) filter (where not i.eligible)::numeric / count(*) end as ineligible_share,
         coalesce(array_agg(i.id order by i.id) filter (where not i.eligible), '{}') as ineligible_items
  from restricted r
  join items i on i.id = any(r.plan_item_ids)
  where cardinality(r.plan_item_ids) > 0
  group by r.id, r.community_id, r.amount_yuan
),
headroom as (
  select c.community_id,
         greatest(0, coalesce(e.eligible_budget, 0) - coalesce(t.tied_eligible, 0)) as headroom_yuan
  from (select distinct community_id from restricted where cardinality(plan_item_ids) = 0) c
  left join (select community_id, sum(budget_yuan) filter (where eligible) as eligible_budget
             from items group by community_id) e on e.community_id = c.community_id
  left join (select community_id, sum(amount_yuan * (1 - ineligible_share)) as tied_eligible
             from tied group by community_id) t on t.community_id = c.community_id
),
untied as (
  select r.id, r.community_id, r.amount_yuan, h.headroom_yuan,
         sum(r.amount_yuan) over (partition by r.community_id) as untied_total
  from restricted r
  join headroom h on h.community_id = r.community_id
  where cardinality(r.plan_item_ids) = 0
)
select f.id as funding_line_id, f.community_id, c.subdistrict_code, f.source, f.amount_yuan,
       v.reason, v.offending_yuan, v.offending_item_ids
from (
  select t.id, 'tied_to_ineligible_items' as reason,
         round(t.amount_yuan * t.ineligible_share, 2) as offending_yuan,
         t.ineligible_items as offending_item_ids
  from tied t
  where t.ineligible_share > 0
  union all
  select u.id, 'untied_exceeds_eligible_budget',
         round((u.untied_total - u.headroom_yuan) * u.amount_yuan / u.untied_total, 2),
         '{}'::uuid[]
  from untied u
  where u.untied_total > u.headroom_yuan
) v
join public.funding_lines f on f.id = v.id
join public.communities c on c.id = f.community_id;

revoke all on public.funding_rule_violations from anon;
grant select on public.funding_rule_violations to authenticated, service_role;
