-- Underground pipelines (地下管线, issue 8): the networks that "underground first, then above
-- ground" (先地下、后地上, DOMAIN.md §3) renews before the surface, and whose renewal dates
-- the ten-year rule reads. Pipeline geometry is sensitive infrastructure: the public reads
-- none of it (no grant at all), staff read it by role.

-- The seven networks the programme renews, in the order maps and legends list them. The
-- table is the list (as public.project_stages is for stages): segments and nodes refer to
-- it, and the generated TypeScript takes its codes from it (npm run db:types).
create table if not exists public.pipeline_types (
  code text primary key,
  ordinal smallint not null unique,
  name_zh text not null,
  name_en text not null
);
insert into public.pipeline_types (code, ordinal, name_zh, name_en) values
  ('water', 1, '给水', 'Water supply'),
  ('rain', 2, '雨水', 'Storm drainage'),
  ('sewage', 3, '污水', 'Sewage'),
  ('gas', 4, '燃气', 'Gas'),
  ('heat', 5, '热力', 'Heating'),
  ('power', 6, '电力', 'Power'),
  ('telecom', 7, '通信', 'Telecom')
on conflict (code) do nothing;

alter table public.pipeline_types enable row level security;
revoke all on public.pipeline_types from public, anon, authenticated;
grant select on public.pipeline_types to anon, authenticated;
grant all on public.pipeline_types to service_role;
-- The names of the networks are no secret: the legend shows them to anyone.
drop policy if exists "Anyone can read the pipeline types" on public.pipeline_types;
create policy "Anyone can read the pipeline types" on public.pipeline_types
  for select to anon, authenticated using (true);

-- One run of pipe between two points (manholes, valves, bends, a building's wall). z of
-- each vertex is minus its depth below ground in metres, so the underground view and the
-- cross-section read depths from the geometry, and the depth columns (what surveys record
-- and forms edit) must agree with its two ends.
create table if not exists public.pipe_segments (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null references public.communities (id) on delete cascade,
  pipeline_type text not null references public.pipeline_types (code),
  material text not null check (length(btrim(material)) between 1 and 40),
  -- A round pipe has a diameter; a culvert or duct bank a section ('600×400'), never both.
  diameter_mm integer check (diameter_mm between 10 and 4000),
  section text check (length(btrim(section)) between 1 and 40),
  -- Metres below ground; 15 m is far below anything a residential compound lays.
  depth_start_m numeric(5, 2) not null check (depth_start_m > 0 and depth_start_m <= 15),
  depth_end_m numeric(5, 2) not null check (depth_end_m > 0 and depth_end_m <= 15),
  owner text not null check (length(btrim(owner)) between 1 and 60),   -- the utility operator (专营单位, DOMAIN.md §5)
  state text not null check (state in ('existing', 'to_renew', 'renewed', 'abandoned')),
  renewed_on date check (renewed_on >= date '1950-01-01'),
  geom extensions.geometry(LineStringZ, 4326) not null,
  is_demo boolean not null default false,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  constraint pipe_segments_diameter_or_section check (num_nonnulls(diameter_mm, section) = 1),
  -- The ten-year rule counts from the renewal date: a renewed segment has one, no other does.
  constraint pipe_segments_renewed_on_iff_renewed check ((state = 'renewed') = (renewed_on is not null)),
  -- A line of at least two distinct points (in plan: a vertical run is not a line on the map),
  -- valid, in longitude/latitude range.
  constraint pipe_segments_geom_valid check (
    extensions.st_isvalid(geom)
    and extensions.st_npoints(extensions.st_removerepeatedpoints(extensions.st_force2d(geom))) >= 2
    and extensions.st_xmin(geom) >= -180 and extensions.st_xmax(geom) <= 180
    and extensions.st_ymin(geom) >= -90 and extensions.st_ymax(geom) <= 90),
  -- Every vertex below ground and within the depth range; the ends at the recorded depths
  -- (to the centimetre the columns hold).
  constraint pipe_segments_geom_below_ground check (extensions.st_zmax(geom) < 0 and extensions.st_zmin(geom) >= -15),
  constraint pipe_segments_geom_ends_at_depths check (
    round(extensions.st_z(extensions.st_startpoint(geom))::numeric, 2) = -depth_start_m
    and round(extensions.st_z(extensions.st_endpoint(geom))::numeric, 2) = -depth_end_m)
);
create index if not exists pipe_segments_community_id_idx on public.pipe_segments (community_id);
create index if not exists pipe_segments_pipeline_type_idx on public.pipe_segments (pipeline_type);
create index if not exists pipe_segments_geom_idx on public.pipe_segments using gist (geom);

-- Manholes (检查井) and valves (阀门): z is minus the depth, as for segments.
create table if not exists public.pipe_nodes (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null references public.communities (id) on delete cascade,
  pipeline_type text not null references public.pipeline_types (code),
  kind text not null check (kind in ('manhole', 'valve')),
  depth_m numeric(5, 2) not null check (depth_m > 0 and depth_m <= 15),
  state text not null check (state in ('existing', 'to_renew', 'renewed', 'abandoned')),
  geom extensions.geometry(PointZ, 4326) not null,
  is_demo boolean not null default false,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  constraint pipe_nodes_geom_valid check (
    not extensions.st_isempty(geom)
    and extensions.st_x(geom) between -180 and 180 and extensions.st_y(geom) between -90 and 90),
  constraint pipe_nodes_geom_at_depth check (round(extensions.st_z(geom)::numeric, 2) = -depth_m)
);
create index if not exists pipe_nodes_community_id_idx on public.pipe_nodes (community_id);
create index if not exists pipe_nodes_pipeline_type_idx on public.pipe_nodes (pipeline_type);
create index if not exists pipe_nodes_geom_idx on public.pipe_nodes using gist (geom);

-- A renewal not yet done has no date: the moratorium cannot start in the future. Not a
-- check constraint, which must not depend on the day it is evaluated; checked when the date
-- is written. The day is Beijing time's, the programme's.
create or replace function private.refuse_future_renewal() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.renewed_on > (now() at time zone 'Asia/Shanghai')::date then
    raise exception 'a segment cannot be renewed on % (a day still to come)', new.renewed_on
      using errcode = '23514', constraint = 'pipe_segments_renewed_on_past', table = 'pipe_segments', column = 'renewed_on';
  end if;
  return new;
end
$$;
revoke execute on function private.refuse_future_renewal() from public;
drop trigger if exists pipe_segments_renewed_on_past on public.pipe_segments;
create trigger pipe_segments_renewed_on_past before insert or update of renewed_on on public.pipe_segments
  for each row execute function private.refuse_future_renewal();

drop trigger if exists pipe_segments_next_version on public.pipe_segments;
create trigger pipe_segments_next_version before update on public.pipe_segments
  for each row execute function private.next_version();
drop trigger if exists pipe_segments_record_change on public.pipe_segments;
create trigger pipe_segments_record_change after insert or update or delete on public.pipe_segments
  for each row execute function private.record_change('community_id');
drop trigger if exists pipe_nodes_next_version on public.pipe_nodes;
create trigger pipe_nodes_next_version before update on public.pipe_nodes
  for each row execute function private.next_version();
drop trigger if exists pipe_nodes_record_change on public.pipe_nodes;
create trigger pipe_nodes_record_change after insert or update or delete on public.pipe_nodes
  for each row execute function private.record_change('community_id');

-- Removing a community removes its pipelines while it is still there, so their records still
-- find its sub-district (as private.clear_plan_first does for the plan).
create or replace function private.clear_pipes_first() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  delete from public.pipe_nodes n where n.community_id = old.id;
  delete from public.pipe_segments s where s.community_id = old.id;
  return old;
end
$$;
revoke execute on function private.clear_pipes_first() from public;
drop trigger if exists communities_clear_pipes_first on public.communities;
create trigger communities_clear_pipes_first before delete on public.communities
  for each row execute function private.clear_pipes_first();

-- No grant to the public at all, not even one a policy would refuse: a forgotten policy
-- must not be enough to show where the gas mains run. Nor truncate for staff (it ignores
-- row-level security), which Supabase's default privileges would otherwise give.
alter table public.pipe_segments enable row level security;
revoke all on public.pipe_segments from public, anon, authenticated;
grant select, insert, update, delete on public.pipe_segments to authenticated;
grant all on public.pipe_segments to service_role;
alter table public.pipe_nodes enable row level security;
revoke all on public.pipe_nodes from public, anon, authenticated;
grant select, insert, update, delete on public.pipe_nodes to authenticated;
grant all on public.pipe_nodes to service_role;

-- Planners, leaders and admins read every network; editors (镇办) those of their own
-- sub-districts' communities, which they survey and whose works they run (DOMAIN.md §6).
drop policy if exists "Staff by role and editors of their sub-districts read pipe segments" on public.pipe_segments;
create policy "Staff by role and editors of their sub-districts read pipe segments" on public.pipe_segments
  for select to authenticated
  using ((select private.reads_everything()) or exists (
    select 1 from public.communities c
    where c.id = pipe_segments.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
drop policy if exists "Planners add pipe segments, editors to their own communities" on public.pipe_segments;
create policy "Planners add pipe segments, editors to their own communities" on public.pipe_segments
  for insert to authenticated
  with check ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = pipe_segments.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
drop policy if exists "Planners change pipe segments, editors their own" on public.pipe_segments;
create policy "Planners change pipe segments, editors their own" on public.pipe_segments
  for update to authenticated
  using ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = pipe_segments.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())))
  with check ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = pipe_segments.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
drop policy if exists "Planners remove pipe segments, editors their own" on public.pipe_segments;
create policy "Planners remove pipe segments, editors their own" on public.pipe_segments
  for delete to authenticated
  using ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = pipe_segments.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));

drop policy if exists "Staff by role and editors of their sub-districts read pipe nodes" on public.pipe_nodes;
create policy "Staff by role and editors of their sub-districts read pipe nodes" on public.pipe_nodes
  for select to authenticated
  using ((select private.reads_everything()) or exists (
    select 1 from public.communities c
    where c.id = pipe_nodes.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
drop policy if exists "Planners add pipe nodes, editors to their own communities" on public.pipe_nodes;
create policy "Planners add pipe nodes, editors to their own communities" on public.pipe_nodes
  for insert to authenticated
  with check ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = pipe_nodes.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
drop policy if exists "Planners change pipe nodes, editors their own" on public.pipe_nodes;
create policy "Planners change pipe nodes, editors their own" on public.pipe_nodes
  for update to authenticated
  using ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = pipe_nodes.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())))
  with check ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = pipe_nodes.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
drop policy if exists "Planners remove pipe nodes, editors their own" on public.pipe_nodes;
create policy "Planners remove pipe nodes, editors their own" on public.pipe_nodes
  for delete to authenticated
  using ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = pipe_nodes.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
