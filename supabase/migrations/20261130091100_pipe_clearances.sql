-- How close a building or structure may stand to each pipeline (issue 8's clearance check),
-- as data planners can adjust: a utility's own rule or a survey may ask for more than the
-- national default.
--
-- The defaults are the "建(构)筑物" row of GB 50289-2016 《城市工程管线综合规划规范》,
-- table 4.1.9 (工程管线之间及其与建（构）筑物之间的最小水平净距, metres, measured from the
-- pipe's outer wall to the foundation):
--   给水 water         1.0 for d ≤ 200 mm (3.0 for d > 200 mm; compound lines are ≤ 200)
--   雨水 rain, 污水 sewage  2.5
--   燃气 gas           0.7 low pressure, 1.0 medium pressure B, 1.5 medium pressure A; the
--                      segments do not record their pressure, and the mains along a
--                      compound's boundary run at medium pressure B, so 1.0
--   热力 heat          3.0 directly buried (直埋)
--   电力 power         0.6 directly buried or in conduit
--   通信 telecom       1.0 directly buried (1.5 in ducts)
-- Each row's source says which value it took.
create table if not exists public.pipe_clearances (
  -- A key of its own: the record (private.record_change) names rows by their id.
  id uuid primary key default gen_random_uuid(),
  pipeline_type text not null unique references public.pipeline_types (code) on update cascade on delete cascade,
  min_clearance_m numeric(4, 2) not null check (min_clearance_m > 0 and min_clearance_m <= 50),
  source text not null check (length(btrim(source)) between 1 and 300),
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

insert into public.pipe_clearances (pipeline_type, min_clearance_m, source) values
  ('water', 1.0, 'GB 50289-2016 表4.1.9 建(构)筑物—给水管线 d≤200mm：1.0 m（d>200mm：3.0 m）'),
  ('rain', 2.5, 'GB 50289-2016 表4.1.9 建(构)筑物—污水、雨水管线：2.5 m'),
  ('sewage', 2.5, 'GB 50289-2016 表4.1.9 建(构)筑物—污水、雨水管线：2.5 m'),
  ('gas', 1.0, 'GB 50289-2016 表4.1.9 建(构)筑物—燃气管线 中压B：1.0 m（低压 0.7 m，中压A 1.5 m）'),
  ('heat', 3.0, 'GB 50289-2016 表4.1.9 建(构)筑物—直埋热力管线：3.0 m'),
  ('power', 0.6, 'GB 50289-2016 表4.1.9 建(构)筑物—电力管线（直埋、保护管）：0.6 m'),
  ('telecom', 1.0, 'GB 50289-2016 表4.1.9 建(构)筑物—通信管线 直埋：1.0 m（管道、通道 1.5 m）')
on conflict (pipeline_type) do nothing;

drop trigger if exists pipe_clearances_next_version on public.pipe_clearances;
create trigger pipe_clearances_next_version before update on public.pipe_clearances
  for each row execute function private.next_version();
drop trigger if exists pipe_clearances_record_change on public.pipe_clearances;
create trigger pipe_clearances_record_change after insert or update or delete on public.pipe_clearances
  for each row execute function private.record_change('none');

-- Clearances say where the pipes are not: nothing for the public, which reads no pipeline
-- data. Staff read them (editors too, to place what they plan); planners and admins adjust
-- them: a value, a clearance for a network added later, or none for one (then nothing near
-- it is flagged).
alter table public.pipe_clearances enable row level security;
revoke all on public.pipe_clearances from public, anon, authenticated;
grant select, insert, update, delete on public.pipe_clearances to authenticated;
grant all on public.pipe_clearances to service_role;

drop policy if exists "Staff read the pipe clearances" on public.pipe_clearances;
create policy "Staff read the pipe clearances" on public.pipe_clearances
  for select to authenticated
  using ((select private.reads_everything()) or cardinality((select private.editor_subdistricts())) > 0);
drop policy if exists "Planners add pipe clearances" on public.pipe_clearances;
create policy "Planners add pipe clearances" on public.pipe_clearances
  for insert to authenticated with check ((select private.is_planner()));
drop policy if exists "Planners adjust the pipe clearances" on public.pipe_clearances;
create policy "Planners adjust the pipe clearances" on public.pipe_clearances
  for update to authenticated
  using ((select private.is_planner())) with check ((select private.is_planner()));
drop policy if exists "Planners remove pipe clearances" on public.pipe_clearances;
create policy "Planners remove pipe clearances" on public.pipe_clearances
  for delete to authenticated using ((select private.is_planner()));

-- The clearance check: every PLANNED facility that is a structure (facility_kinds.is_structure:
-- the clearances are to buildings and structures, not to painted spaces or a notice board)
-- whose footprint lies over a pipe, or nearer to it than that pipe's type's clearance. One
-- row per facility and segment: the distance in plan (0 when over it) and the clearance
-- required. Abandoned pipes are left in the ground empty and do not count. Facilities
-- already built or existing are not checked: the check is for what can still be moved.
--
-- Distances in metres in the UTM zone of each facility, as public.dig_conflicts measures
-- (its comment says why not on the spheroid). Security invoker: row-level security decides
-- which facilities and pipes count, so an editor learns only of their own sub-districts'
-- pipes, and the public, which reads no pipeline data, may not call it.
create or replace function public.facility_clearance_conflicts(community uuid default null)
returns table (
  facility_id uuid,
  segment_id uuid,
  pipeline_type text,
  distance_m double precision,
  required_m numeric
)
language sql stable security invoker set search_path = ''
as $$
  with planned as (
    select f.id, f.geom, extensions.st_y(extensions.st_centroid(f.geom)) as lat,
           case when extensions.st_y(extensions.st_centroid(f.geom)) >= 0 then 32600 else 32700 end
             + least(60, floor((extensions.st_x(extensions.st_centroid(f.geom)) + 180) / 6)::integer + 1) as utm
    from public.facilities f
    join public.facility_kinds k on k.code = f.kind
    where f.state = 'planned' and k.is_structure
      and (community is null or f.community_id = community)
  ),
  measured as (
    select p.id as facility_id, s.id as segment_id, s.pipeline_type,
           extensions.st_distance(extensions.st_transform(extensions.st_force2d(s.geom), p.utm),
                                  extensions.st_transform(p.geom, p.utm)) as distance_m,
           c.min_clearance_m as required_m
    from planned p
    cross join public.pipe_clearances c
    join public.pipe_segments s
      on s.pipeline_type = c.pipeline_type
      -- A coarse test in degrees the GiST index answers: the clearance over the metres of a
      -- degree of longitude at that latitude (fewer than of latitude), with a margin, then
      -- the exact one in metres.
      and extensions.st_dwithin(s.geom, p.geom,
            c.min_clearance_m / (111000 * cos(radians(least(84, abs(p.lat))))) + 0.000001)
    where s.state <> 'abandoned'
  )
  select m.facility_id, m.segment_id, m.pipeline_type, m.distance_m, m.required_m
  from measured m
  where m.distance_m < m.required_m
  order by m.facility_id, m.distance_m, m.segment_id
$$;
revoke execute on function public.facility_clearance_conflicts(uuid) from public, anon;
grant execute on function public.facility_clearance_conflicts(uuid) to authenticated, service_role;
