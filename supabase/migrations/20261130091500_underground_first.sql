-- "Underground first, then above ground" (先地下、后地上, DOMAIN.md §3): the pipelines a
-- community still has to renew are renewed before its roads are resurfaced, its green
-- replanted and its paving relaid, or the new surface is dug up again. To check a plan
-- against it, plan items get planned dates, the catalogue says which items are surface works
-- and which network each pipeline item renews, and public.underground_first_flags compares.

-- When an item is planned to start and to be finished (days, as schedules are drawn up).
-- Null while not yet scheduled. The range is the programme's, with room either side: a typo
-- of a century is refused, a slipped year is not.
alter table public.plan_items add column if not exists starts_on date;
alter table public.plan_items add column if not exists finishes_on date;
do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'plan_items_dates_check' and conrelid = 'public.plan_items'::regclass) then
    alter table public.plan_items add constraint plan_items_dates_check check (
      (starts_on is null or starts_on between date '2000-01-01' and date '2100-12-31')
      and (finishes_on is null or finishes_on between date '2000-01-01' and date '2100-12-31')
      and (finishes_on >= starts_on or starts_on is null or finishes_on is null));
  end if;
end
$$;

-- Which catalogue items are surface works: those that resurface, plant or pave the open
-- ground of the compound, over the pipes (roads, circulation, parking, greening, sponge-city
-- facilities, and lighting, whose poles stand in footings along the roads, fed by cables
-- laid in trenches). Items on the buildings, rooms, and point installations (security,
-- fire-fighting, sanitation, fitness equipment, sheds) are not: they open no road. A column
-- of the catalogue, so planners can change it with the rest of the item.
--
-- Set once, when the column is added, without a record entry: it is part of the catalogue
-- as the migrations define it, like the items themselves; a planner's later change is kept.
do $$
begin
  if not exists (select 1 from information_schema.columns
                 where table_schema = 'public' and table_name = 'renovation_catalogue' and column_name = 'is_surface_work') then
    alter table public.renovation_catalogue add column is_surface_work boolean not null default false;
    alter table public.renovation_catalogue disable trigger renovation_catalogue_next_version;
    alter table public.renovation_catalogue disable trigger renovation_catalogue_record_change;
    update public.renovation_catalogue set is_surface_work = true
    where code in ('roads', 'circulation', 'parking', 'greening', 'sponge_city', 'lighting');
    alter table public.renovation_catalogue enable trigger renovation_catalogue_next_version;
    alter table public.renovation_catalogue enable trigger renovation_catalogue_record_change;
  end if;
end
$$;

-- The catalogue item that renews each network: the underground items of the plan (rain and
-- sewage are separated by one item, 雨污分流; telecom is weak current, 弱电). A network
-- without one is renewed by no plan item.
alter table public.pipeline_types add column if not exists catalogue_code text
  references public.renovation_catalogue (code) on update cascade;
-- Renaming or removing a catalogue item looks its networks up here.
create index if not exists pipeline_types_catalogue_code_idx on public.pipeline_types (catalogue_code);
update public.pipeline_types t set catalogue_code = m.code
from (values ('water', 'water_supply'), ('rain', 'rain_sewage'), ('sewage', 'rain_sewage'), ('gas', 'gas'),
             ('heat', 'heating'), ('power', 'power'), ('telecom', 'weak_current')) m(type, code)
where t.code = m.type and t.catalogue_code is null;

-- Per community whose pipelines the caller may read: the segments still to renew and their
-- networks, when the plan items that renew those networks are to be finished, when the first
-- surface work is to start, and whether the plan breaks the rule.
--
-- - The underground work is finished when the last item renewing a to-renew network is:
--   the latest finish over those networks. If one of them has no item, or an item without a
--   finish date, nobody can say when it will be renewed: underground_finishes_on is null and
--   the network is listed in unscheduled_types.
-- - The surface works start with the earliest dated surface item, whatever its status (a
--   road already relaid over pipes still to renew is the very case the rule is about).
--   Surface items without a date do not count: they are not yet scheduled against anything.
-- - Flagged: pipes still to renew, a surface work scheduled, and either it starts on or before
--   the day the underground work is to finish (a finish date is the last working day, so a
--   surface work starting that day overlaps it) or the underground work is not scheduled.
--
-- Security invoker: row-level security on pipe_segments decides which communities appear
-- (editors their sub-districts', planners and leaders all); the public, which may read no
-- pipeline data, gets no grant.
create or replace view public.underground_first_flags with (security_invoker = true) as
with networks as (
  select s.community_id, s.pipeline_type, count(*) filter (where s.state = 'to_renew') as to_renew
  from public.pipe_segments s
  group by s.community_id, s.pipeline_type
),
renewals as (
  select n.community_id, n.pipeline_type, n.to_renew, t.ordinal,
         case when bool_and(i.finishes_on is not null) then max(i.finishes_on) end as finishes_on
  from networks n
  join public.pipeline_types t on t.code = n.pipeline_type
  left join public.plan_items i on i.community_id = n.community_id and i.catalogue_code = t.catalogue_code
  where n.to_renew > 0
  group by n.community_id, n.pipeline_type, n.to_renew, t.ordinal
),
surface as (
  select i.community_id, min(i.starts_on) as starts_on,
         (array_agg(i.catalogue_code order by i.starts_on, k.ordinal))[1] as catalogue_code
  from public.plan_items i
  join public.renovation_catalogue k on k.code = i.catalogue_code and k.is_surface_work
  where i.starts_on is not null
  group by i.community_id
),
flags as (
  select c.community_id,
         coalesce(sum(r.to_renew), 0)::integer as to_renew_segments,
         coalesce(array_agg(r.pipeline_type order by r.ordinal) filter (where r.pipeline_type is not null), '{}') as to_renew_types,
         coalesce(array_agg(r.pipeline_type order by r.ordinal) filter (where r.pipeline_type is not null and r.finishes_on is null), '{}') as unscheduled_types,
         case when bool_and(r.finishes_on is not null) filter (where r.pipeline_type is not null)
              then max(r.finishes_on) end as underground_finishes_on
  from (select distinct n.community_id from networks n) c
  left join renewals r on r.community_id = c.community_id
  group by c.community_id
)
select f.community_id, f.to_renew_segments, f.to_renew_types, f.unscheduled_types, f.underground_finishes_on,
       s.starts_on as surface_starts_on, s.catalogue_code as surface_catalogue_code,
       (f.to_renew_segments > 0 and s.starts_on is not null
        and (f.underground_finishes_on is null or s.starts_on <= f.underground_finishes_on)) as flagged
from flags f
left join surface s on s.community_id = f.community_id;

revoke all on public.underground_first_flags from public, anon, authenticated;
grant select on public.underground_first_flags to authenticated, service_role;

-- plan_items gained columns: the as-of history's views are made again over its new shape.
select private.refresh_history_views();
