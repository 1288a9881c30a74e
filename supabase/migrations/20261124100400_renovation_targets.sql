-- The programme's official targets (DOMAIN.md §1) as data: plans may be adjusted, so each
-- revision is a new version and the dashboard reads the newest.

-- One target row per batch year or multi-year period, per plan version.
create table if not exists public.renovation_targets (
  id bigint generated always as identity primary key,
  district_code text not null references public.districts (code),
  period_start smallint not null,
  period_end smallint not null check (period_end >= period_start),
  communities integer not null check (communities >= 0),
  buildings integer not null check (buildings >= 0),
  floor_area_wan_m2 numeric(10, 2) not null check (floor_area_wan_m2 >= 0),  -- 万m²
  households integer not null check (households >= 0),
  residents integer check (residents >= 0),
  version smallint not null default 1,
  source text not null,
  adopted_on date not null,
  unique (district_code, period_start, period_end, version)
);

alter table public.renovation_targets enable row level security;

grant select on public.renovation_targets to anon, authenticated;
grant insert, update, delete on public.renovation_targets to authenticated;
grant all on public.renovation_targets to service_role;

-- Targets are part of the published plan.
drop policy if exists "Anyone can read targets" on public.renovation_targets;
create policy "Anyone can read targets" on public.renovation_targets
  for select to anon, authenticated using (true);
drop policy if exists "Planners can add target versions" on public.renovation_targets;
create policy "Planners can add target versions" on public.renovation_targets
  for insert to authenticated with check ((select private.is_planner()));
drop policy if exists "Planners can correct targets" on public.renovation_targets;
create policy "Planners can correct targets" on public.renovation_targets
  for update to authenticated
  using ((select private.is_planner())) with check ((select private.is_planner()));
drop policy if exists "Planners can remove targets" on public.renovation_targets;
create policy "Planners can remove targets" on public.renovation_targets
  for delete to authenticated using ((select private.is_planner()));
