-- The dashboard's money, delay and data-freshness figures (issue 9), each over the rows of
-- public.dashboard_communities that match the filters (batch year, sub-district; null: any)
-- and each with a row-level twin its drill-down lists. All run as their caller; none is
-- granted to the public, which never sees funding (funding_lines has no policy for anon).

-- Funds per community and source (资金筹措, DOMAIN.md §5): how many funding lines and how
-- much money. "restricted" marks the subsidy and district-budget sources the funding rule
-- (20261127090300_funding_rule.sql) limits to basic items and service rooms.
create or replace view public.dashboard_funds with (security_invoker = true) as
select f.community_id, f.source,
       f.source in ('central_subsidy', 'provincial_subsidy', 'municipal_subsidy', 'district_budget') as restricted,
       count(*)::int as lines,
       sum(f.amount_yuan) as amount_yuan
from public.funding_lines f
group by f.community_id, f.source;

-- Money by source over the communities in a batch that match the filters.
create or replace function public.dashboard_money(batch_year_filter smallint default null, subdistrict_filter text default null)
returns table (source text, restricted boolean, communities integer, lines integer, amount_yuan numeric)
language sql stable security invoker set search_path = ''
as $$
  select f.source, f.restricted, count(*)::int, sum(f.lines)::int, sum(f.amount_yuan)
  from public.dashboard_funds f
  join public.dashboard_communities d on d.id = f.community_id
  where d.planned
    and (batch_year_filter is null or d.batch_year = batch_year_filter)
    and (subdistrict_filter is null or d.subdistrict_code = subdistrict_filter)
  group by f.source, f.restricted
  order by sum(f.amount_yuan) desc, f.source
$$;

-- Delays against the original (baseline) schedule, by how long (delay_bucket of
-- dashboard_communities): communities, how many of them are late now (a milestone planned
-- before the status date has not happened), and the days behind in total and at most.
create or replace function public.dashboard_delays(batch_year_filter smallint default null, subdistrict_filter text default null)
returns table (delay_bucket text, communities integer, late integer, delay_days integer, max_delay_days integer)
language sql stable security invoker set search_path = ''
as $$
  select d.delay_bucket, count(*)::int, count(*) filter (where d.late)::int,
         coalesce(sum(d.delay_days), 0)::int, max(d.delay_days)
  from public.dashboard_communities d
  where d.planned
    and (batch_year_filter is null or d.batch_year = batch_year_filter)
    and (subdistrict_filter is null or d.subdistrict_code = subdistrict_filter)
  group by d.delay_bucket
  order by min(coalesce(d.delay_days, -1))
$$;

-- Stale data: the communities in a batch, not yet archived (after 竣工归档 nothing is left to
-- report), whose progress — project, milestones, plan items, by the record of changes — was
-- last written more than `stale_after_days` days before `reference` (the time of reading
-- unless given). One row per stale community: its figure is their count. Every row has an
-- entry in the record (the database writes it, 20261128090000_history_as_of.sql), so a
-- community without one is one whose record the caller may not read (an editor, another
-- sub-district's published community): not known to be stale, and left out.
create or replace function public.dashboard_stale(
  stale_after_days integer default 30,
  batch_year_filter smallint default null,
  subdistrict_filter text default null,
  reference timestamptz default now()
)
returns table (community_id uuid, last_progress_at timestamptz, days_since integer)
language sql stable security invoker set search_path = ''
as $$
  select d.id, d.last_progress_at,
         (reference::date - d.last_progress_at::date)
  from public.dashboard_communities d
  where d.planned
    and d.stage is distinct from 'archived'
    and d.last_progress_at < reference - make_interval(days => stale_after_days)
    and (batch_year_filter is null or d.batch_year = batch_year_filter)
    and (subdistrict_filter is null or d.subdistrict_code = subdistrict_filter)
  order by d.last_progress_at, d.code
$$;

revoke all on public.dashboard_funds from public, anon;
grant select on public.dashboard_funds to authenticated, service_role;
revoke execute on function public.dashboard_money(smallint, text) from public, anon;
grant execute on function public.dashboard_money(smallint, text) to authenticated, service_role;
revoke execute on function public.dashboard_delays(smallint, text) from public, anon;
grant execute on function public.dashboard_delays(smallint, text) to authenticated, service_role;
revoke execute on function public.dashboard_stale(integer, smallint, text, timestamptz) from public, anon;
grant execute on function public.dashboard_stale(integer, smallint, text, timestamptz) to authenticated, service_role;
