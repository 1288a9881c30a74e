-- The dashboard's progress figures (issue 9), summed from public.dashboard_communities so
-- that every figure is the sum of the rows its drill-down lists. All run as their caller.

-- Planned, started and completed communities, buildings, floor area, households and residents
-- per batch year, per sub-district and in total, of the communities in a batch that match the
-- filters (null: any). Each level counts a subset of the one before (started ⊆ planned,
-- completed ⊆ started), so "in a batch" can never be read as done. Residents: where a
-- community has no count, it adds nothing (the row says how many communities have one).
create or replace function public.dashboard_progress(batch_year_filter smallint default null, subdistrict_filter text default null)
returns table (
  grouping_by text,             -- 'batch_year', 'subdistrict' or 'total'
  key text,                     -- the batch year or sub-district code; 'total' for the total
  level text,                   -- 'planned', 'started' or 'completed'
  communities integer,
  buildings integer,
  floor_area_m2 numeric,
  households integer,
  residents integer,
  residents_known integer       -- how many of the communities have a residents count
)
language sql stable security invoker set search_path = ''
as $$
  select case when grouping(d.batch_year) = 0 then 'batch_year'
              when grouping(d.subdistrict_code) = 0 then 'subdistrict'
              else 'total' end,
         coalesce(d.batch_year::text, d.subdistrict_code, 'total'),
         l.level,
         count(*) filter (where l.reached)::int,
         coalesce(sum(d.buildings) filter (where l.reached), 0)::int,
         coalesce(sum(d.floor_area_m2) filter (where l.reached), 0),
         coalesce(sum(d.households) filter (where l.reached), 0)::int,
         coalesce(sum(d.residents) filter (where l.reached), 0)::int,
         count(d.residents) filter (where l.reached)::int
  from public.dashboard_communities d
  cross join lateral (values ('planned', 1, true), ('started', 2, d.started), ('completed', 3, d.completed)) l(level, n, reached)
  where d.planned
    and (batch_year_filter is null or d.batch_year = batch_year_filter)
    and (subdistrict_filter is null or d.subdistrict_code = subdistrict_filter)
  group by grouping sets ((l.level, l.n, d.batch_year), (l.level, l.n, d.subdistrict_code), (l.level, l.n))
  order by 1, 2, l.n
$$;

-- The official targets (DOMAIN.md §1, public.renovation_targets, newest version of each
-- period) beside what the caller's communities of that period reach at each level. Not
-- filtered by sub-district: targets are the district's. An editor sees only its own part.
create or replace view public.dashboard_targets with (security_invoker = true) as
with newest as (
  select distinct on (t.district_code, t.period_start, t.period_end) t.*
  from public.renovation_targets t
  order by t.district_code, t.period_start, t.period_end, t.version desc
)
select t.district_code, t.period_start, t.period_end, t.version, t.source,
       t.communities as target_communities, t.buildings as target_buildings,
       t.floor_area_wan_m2 as target_floor_area_wan_m2, t.households as target_households,
       t.residents as target_residents,
       lv.level,
       count(d.id)::int as communities,
       coalesce(sum(d.buildings), 0)::int as buildings,
       coalesce(sum(d.floor_area_m2), 0) as floor_area_m2,
       coalesce(sum(d.households), 0)::int as households,
       coalesce(sum(d.residents), 0)::int as residents
from newest t
cross join (values ('planned', 1), ('started', 2), ('completed', 3)) lv(level, n)
left join public.dashboard_communities d
  on d.planned and d.batch_year between t.period_start and t.period_end
     and case lv.n when 1 then true when 2 then d.started else d.completed end
group by t.district_code, t.period_start, t.period_end, t.version, t.source, t.communities, t.buildings,
         t.floor_area_wan_m2, t.households, t.residents, lv.level, lv.n
order by t.period_end - t.period_start, t.period_start, lv.n;

revoke execute on function public.dashboard_progress(smallint, text) from public, anon;
grant execute on function public.dashboard_progress(smallint, text) to authenticated, service_role;
revoke all on public.dashboard_targets from public, anon;
grant select on public.dashboard_targets to authenticated, service_role;
