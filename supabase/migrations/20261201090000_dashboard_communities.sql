-- The dashboard's rows (issue 9): one per community the caller may see, with every fact the
-- dashboard's figures add up. Each figure is a sum or count over these rows, and a figure's
-- drill-down lists exactly the rows it counted, so the two reconcile by construction.
-- Runs with the caller's rights: row-level security decides which communities (editors see
-- their sub-districts' and the published ones). Staff only: the public has its own pages.
--
-- What the columns count:
--   planned     the community is in a renovation batch (batch_year set): "in the plan",
--               never "done".
--   started     planned, and its project has reached tendering (招投标) or a later stage.
--   completed   planned, and its project has reached acceptance (工程验收) or a later stage.
--               Both thresholds are stage ordinals read from public.project_stages, the same
--               order the map's totals table uses (src/lib/domain/totals.ts, LEVELS).
--   buildings   the community's building rows (as the map counts them), not a typed-in number.
--   floor_area_m2, households, residents   the community's own figures.
--   late, delay_days, delay_bucket   from public.community_schedule: late = a milestone planned
--               before the status date has not happened; delay = days behind the original
--               (baseline) schedule at the project's current position; bucketed for the chart.
--   budget_yuan the sum of the plan items' budgets (null when nothing is costed).
--   last_progress_at   the newest write to the community's progress — its project (stage,
--               status date), milestones or plan items (percent complete) — read from the
--               record of changes (public.audit_log), which the database writes itself.

create or replace view public.dashboard_communities with (security_invoker = true) as
with thresholds as (
  select (select ordinal from public.project_stages where code = 'tendering') as started,
         (select ordinal from public.project_stages where code = 'acceptance') as completed
),
progress_writes as (
  select a.community_id, max(a.at) as last_progress_at
  from public.audit_log a
  where a.table_name in ('renovation_projects', 'project_milestones', 'plan_items')
    and a.community_id is not null
  group by a.community_id
)
select c.id, c.code, c.name, c.subdistrict_code, s.name as subdistrict_name, c.batch_year,
       p.stage, st.ordinal as stage_ordinal,
       c.batch_year is not null as planned,
       c.batch_year is not null and coalesce(st.ordinal >= t.started, false) as started,
       c.batch_year is not null and coalesce(st.ordinal >= t.completed, false) as completed,
       (select count(*)::int from public.buildings b where b.community_id = c.id) as buildings,
       c.floor_area_m2, c.households, c.residents,
       coalesce(cs.late, false) as late, cs.delay_days,
       case when cs.delay_days is null then 'unknown'
            when cs.delay_days = 0 then 'on_time'
            when cs.delay_days <= 30 then 'up_to_30'
            when cs.delay_days <= 90 then 'up_to_90'
            when cs.delay_days <= 180 then 'up_to_180'
            else 'over_180' end as delay_bucket,
       (select sum(i.budget_yuan) from public.plan_items i where i.community_id = c.id) as budget_yuan,
       w.last_progress_at
from public.communities c
cross join thresholds t
join public.subdistricts s on s.code = c.subdistrict_code
left join public.renovation_projects p on p.community_id = c.id
left join public.project_stages st on st.code = p.stage
left join public.community_schedule cs on cs.project_id = p.id
left join progress_writes w on w.community_id = c.id;

revoke all on public.dashboard_communities from public, anon;
grant select on public.dashboard_communities to authenticated, service_role;
