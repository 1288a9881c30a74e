-- The administrative frame: the district outline and its sub-districts (街道/镇).

-- A district (区县) with its outline, stored in WGS84 whatever datum the source used.
create table if not exists public.districts (
  code text primary key check (code ~ '^[0-9]{6}$'),
  name text not null,
  outline extensions.geometry(MultiPolygon, 4326) not null check (extensions.st_isvalid(outline)),
  source text not null
);
create index if not exists districts_outline_gix on public.districts using gist (outline);

-- Sub-districts and towns with their National Bureau of Statistics codes. No official
-- polygons are public, so only a label point is kept, flagged when approximate.
create table if not exists public.subdistricts (
  code text primary key check (code ~ '^[0-9]{9}$'),
  district_code text not null references public.districts (code),
  name text not null,
  kind text not null check (kind in ('street', 'town')),
  label_point extensions.geometry(Point, 4326) check (label_point is null or extensions.st_isvalid(label_point)),
  label_is_approximate boolean not null default true
);
create index if not exists subdistricts_label_point_gix on public.subdistricts using gist (label_point);
create index if not exists subdistricts_district_code_idx on public.subdistricts (district_code);

alter table public.districts enable row level security;
alter table public.subdistricts enable row level security;

grant select on public.districts, public.subdistricts to anon, authenticated;
grant all on public.districts, public.subdistricts to service_role;

-- Administrative geography is public information.
drop policy if exists "Anyone can read districts" on public.districts;
create policy "Anyone can read districts" on public.districts
  for select to anon, authenticated using (true);
drop policy if exists "Anyone can read subdistricts" on public.subdistricts;
create policy "Anyone can read subdistricts" on public.subdistricts
  for select to anon, authenticated using (true);
