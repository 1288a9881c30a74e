-- Parking and facilities (停车与配套设施, issue 8): the things of the renovation catalogue
-- (DOMAIN.md §4) that have a place on the map — parking spaces, chargers, sheds, lockers,
-- service rooms… — each existing before the renovation, planned by a plan item, or built
-- by it. Residents notice these most, so the public reads them for published communities,
-- as it reads the buildings and the plan.

-- The kinds, in the order legends list them. A table, like public.pipeline_types: the
-- facilities refer to it, the generated TypeScript takes its codes from it, and the layer
-- reads its icon (a @mapbox/maki icon name, CC0) and the geometry to draw. catalogue_code
-- is the plan item kind that delivers such a facility: a planned charger belongs to a
-- 'parking' item, a locker to a 'mailboxes_lockers' one.
--   is_structure     a building or structure with a foundation (建(构)筑物), to which the
--                    pipeline clearances of GB 50289 apply; painted parking spaces, a
--                    fitness area's surface, a bin point or a notice board are not
--   has_chargers     a place whose spaces may carry chargers (parking, non-motor sheds)
--   is_service_room  counted as service-room floor area in the before → after summary
create table if not exists public.facility_kinds (
  code text primary key check (code ~ '^[a-z][a-z0-9_]*$'),
  ordinal smallint not null unique,
  name_zh text not null check (length(btrim(name_zh)) between 1 and 40),
  name_en text not null check (length(btrim(name_en)) between 1 and 80),
  icon text not null check (icon ~ '^[a-z0-9-]+$'),
  catalogue_code text not null references public.renovation_catalogue (code) on update cascade,
  geometry_kind text not null check (geometry_kind in ('point', 'polygon')),
  capacity_unit text not null check (length(btrim(capacity_unit)) between 1 and 10),
  is_structure boolean not null,
  has_chargers boolean not null default false,
  is_service_room boolean not null default false
);
create index if not exists facility_kinds_catalogue_code_idx on public.facility_kinds (catalogue_code);

insert into public.facility_kinds (code, ordinal, name_zh, name_en, icon, catalogue_code, geometry_kind, capacity_unit,
                                   is_structure, has_chargers, is_service_room) values
  ('parking', 1, '机动车停车位', 'Parking spaces', 'parking', 'parking', 'polygon', '个', false, true, false),
  ('ev_charger', 2, '充电桩', 'EV chargers', 'charging-station', 'parking', 'point', '个', true, false, false),
  ('bike_shed', 3, '非机动车棚', 'Non-motor-vehicle shed', 'bicycle', 'bike_sheds', 'polygon', '个', true, true, false),
  ('express_locker', 4, '快递柜', 'Parcel lockers', 'warehouse', 'mailboxes_lockers', 'point', '格', true, false, false),
  ('mailbox', 5, '信报箱', 'Mailboxes', 'post', 'mailboxes_lockers', 'point', '户', false, false, false),
  ('bulletin_board', 6, '宣传栏', 'Bulletin board', 'information', 'bulletin_boards', 'point', '块', false, false, false),
  ('public_toilet', 7, '公共厕所', 'Public toilet', 'toilet', 'public_toilets', 'point', 'm²', true, false, false),
  ('convenience_shop', 8, '便利店', 'Convenience shop', 'convenience', 'convenience_shops', 'point', 'm²', true, false, false),
  ('sanitation_point', 9, '垃圾分类投放点', 'Waste sorting point', 'recycling', 'sanitation', 'point', '个', false, false, false),
  ('fitness_area', 10, '健身场地', 'Fitness area', 'fitness-centre', 'fitness', 'polygon', 'm²', false, false, false),
  ('party_building_room', 11, '党建用房', 'Party-building room', 'star', 'party_building_room', 'point', 'm²', true, false, true),
  ('community_service_room', 12, '社区服务用房', 'Community service room', 'town-hall', 'community_service_room', 'point', 'm²', true, false, true),
  ('property_service_room', 13, '物业服务用房', 'Property-management room', 'residential-community', 'property_service_room', 'point', 'm²', true, false, true),
  ('elderly_care', 14, '养老服务用房', 'Elderly care', 'heart', 'elderly_care', 'point', 'm²', true, false, true),
  ('childcare', 15, '托育用房', 'Childcare', 'playground', 'childcare', 'point', 'm²', true, false, true),
  ('health_room', 16, '卫生服务用房', 'Health services', 'doctor', 'health', 'point', 'm²', true, false, true),
  ('culture_room', 17, '文化活动用房', 'Culture room', 'library', 'culture_education', 'point', 'm²', true, false, true)
on conflict (code) do nothing;

alter table public.facility_kinds enable row level security;
revoke all on public.facility_kinds from public, anon, authenticated;
grant select on public.facility_kinds to anon, authenticated;
grant all on public.facility_kinds to service_role;
-- The legend shows them to anyone.
drop policy if exists "Anyone can read the facility kinds" on public.facility_kinds;
create policy "Anyone can read the facility kinds" on public.facility_kinds
  for select to anon, authenticated using (true);

-- One facility: a point (a charger, a locker, a room) or an area (a parking lot, a shed, a
-- fitness area) as its kind says. capacity counts in the kind's unit (spaces, chargers,
-- compartments, m²…); chargers is how many of a parking lot's or shed's spaces can charge.
-- An existing facility is what the community had before its renovation, and belongs to no
-- plan item; a planned or built one may name the item that delivers it, and a built one
-- the day it was finished.
create table if not exists public.facilities (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null references public.communities (id) on delete cascade,
  kind text not null references public.facility_kinds (code) on update cascade,
  state text not null check (state in ('existing', 'planned', 'built')),
  capacity numeric(10, 2) not null check (capacity > 0),
  chargers integer check (chargers >= 0),
  plan_item_id uuid references public.plan_items (id) on delete set null,
  built_on date check (built_on >= date '1950-01-01'),
  name text check (length(btrim(name)) between 1 and 60),
  note text check (length(note) <= 500),
  geom extensions.geometry(Geometry, 4326) not null,
  is_demo boolean not null default false,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  constraint facilities_built_on_iff_built check ((state = 'built') = (built_on is not null)),
  constraint facilities_existing_without_plan check (state <> 'existing' or plan_item_id is null),
  constraint facilities_geom_point_or_polygon check (extensions.geometrytype(geom) in ('POINT', 'POLYGON'))
);
create index if not exists facilities_community_id_idx on public.facilities (community_id);
create index if not exists facilities_kind_idx on public.facilities (kind);
create index if not exists facilities_plan_item_id_idx on public.facilities (plan_item_id);
create index if not exists facilities_geom_idx on public.facilities using gist (geom);

-- What is wrong with `shape` as the geometry of a facility of `kind` in `community`, with
-- the codes of the geometry rules (20261127091000_geometry_rules.sql) and one of its own:
--   wrong_geometry   a point for a kind drawn as an area, or the other way round
--   too_small        an area under 1 m² (a slip of the mouse)
--   outside_community not covered by the community's boundary
--   overlaps_building an area that meets a building's footprint (a point may stand for a
--                    room inside one)
-- Security definer: the rules hold against every building, also those the caller cannot read.
create or replace function private.facility_geometry_problems(shape extensions.geometry, kind text, community uuid)
returns text[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  expected text := (select k.geometry_kind from public.facility_kinds k where k.code = kind);
  problems text[];
  reason text;
begin
  if shape is null or extensions.st_isempty(shape) or extensions.st_srid(shape) <> 4326
     or extensions.geometrytype(shape) not in ('POINT', 'POLYGON')
     or extensions.st_xmin(shape) < -180 or extensions.st_xmax(shape) > 180
     or extensions.st_ymin(shape) < -90 or extensions.st_ymax(shape) > 90 then
    return array['invalid'];
  end if;
  if lower(extensions.geometrytype(shape)) <> expected then
    return array['wrong_geometry'];
  end if;
  reason := (extensions.st_isvaliddetail(shape)).reason;
  if reason is not null then
    return array[case when reason ilike '%self-intersection%' then 'self_intersecting' else 'invalid' end];
  end if;
  problems := case when expected = 'polygon' and extensions.st_area(shape::extensions.geography) < 1
                   then array['too_small'] else '{}' end;
  if not exists (
    select 1 from public.communities c where c.id = community and extensions.st_coveredby(shape, c.boundary)) then
    problems := problems || 'outside_community'::text;
  end if;
  if expected = 'polygon' and exists (
    select 1 from public.buildings b where b.community_id = community and extensions.st_intersects(b.footprint, shape)) then
    problems := problems || 'overlaps_building'::text;
  end if;
  return problems;
end
$$;
revoke execute on function private.facility_geometry_problems(extensions.geometry, text, uuid) from public;

-- Keeps a facility consistent with its kind, its plan item and its geometry, whoever writes.
-- Security definer: it must see the plan item and the buildings, whatever the caller reads.
create or replace function private.check_facility() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  the_kind public.facility_kinds;
  item public.plan_items;
  problems text[];
begin
  select * into the_kind from public.facility_kinds k where k.code = new.kind;
  if new.chargers is not null and not the_kind.has_chargers then
    raise exception 'a % has no charging spaces to count', new.kind
      using errcode = '23514', constraint = 'facilities_chargers_check', table = 'facilities', column = 'chargers';
  end if;
  if new.chargers > new.capacity then
    raise exception 'a facility cannot have more charging spaces (%) than spaces (%)', new.chargers, new.capacity
      using errcode = '23514', constraint = 'facilities_chargers_check', table = 'facilities', column = 'chargers';
  end if;
  if new.built_on > (now() at time zone 'Asia/Shanghai')::date then
    raise exception 'a facility cannot be built on % (a day still to come)', new.built_on
      using errcode = '23514', constraint = 'facilities_built_on_past', table = 'facilities', column = 'built_on';
  end if;
  if new.plan_item_id is not null then
    select * into item from public.plan_items i where i.id = new.plan_item_id;
    if item.community_id <> new.community_id then
      raise exception 'a facility may only be delivered by a plan item of its own community'
        using errcode = '23503', constraint = 'facilities_plan_item_id_fkey', table = 'facilities', column = 'plan_item_id';
    end if;
    if item.catalogue_code <> the_kind.catalogue_code then
      raise exception 'a % is delivered by a % plan item, not by a % one', new.kind, the_kind.catalogue_code, item.catalogue_code
        using errcode = '23514', constraint = 'facilities_plan_item_kind_check', table = 'facilities', column = 'plan_item_id';
    end if;
  end if;
  if tg_op = 'INSERT' or extensions.st_asewkb(new.geom) <> extensions.st_asewkb(old.geom) or new.kind <> old.kind or new.community_id <> old.community_id then
    problems := private.facility_geometry_problems(new.geom, new.kind, new.community_id);
    if cardinality(problems) > 0 then
      raise exception 'geometry refused: %', array_to_string(problems, ', ')
        using errcode = '23514', constraint = 'geometry_rules', table = 'facilities', column = 'geom',
              detail = array_to_string(problems, ',');
    end if;
  end if;
  return new;
end
$$;
revoke execute on function private.check_facility() from public;

drop trigger if exists facilities_check on public.facilities;
create trigger facilities_check before insert or update on public.facilities
  for each row execute function private.check_facility();
drop trigger if exists facilities_next_version on public.facilities;
create trigger facilities_next_version before update on public.facilities
  for each row execute function private.next_version();
drop trigger if exists facilities_record_change on public.facilities;
create trigger facilities_record_change after insert or update or delete on public.facilities
  for each row execute function private.record_change('community_id');

-- …and a plan item that delivers facilities keeps its catalogue item: switched to another,
-- its lockers would be delivered by, say, a roads item. A code renamed in the catalogue
-- reaches both through `on update cascade` and is no switch (the old code is gone), as in
-- private.refuse_retired_catalogue_item.
create or replace function private.keep_facilities_with_their_item() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.catalogue_code <> old.catalogue_code
     and exists (select 1 from public.renovation_catalogue k where k.code = old.catalogue_code)
     and exists (select 1 from public.facilities f where f.plan_item_id = new.id) then
    raise exception 'plan item % delivers facilities: it stays a % item', new.id, old.catalogue_code
      using errcode = '23514', constraint = 'facilities_plan_item_kind_check', table = 'plan_items', column = 'catalogue_code';
  end if;
  return new;
end
$$;
revoke execute on function private.keep_facilities_with_their_item() from public;
drop trigger if exists plan_items_keep_facilities on public.plan_items;
create trigger plan_items_keep_facilities before update of catalogue_code on public.plan_items
  for each row execute function private.keep_facilities_with_their_item();

-- Removing a community removes its facilities while it is still there, so their records
-- still find its sub-district (as private.clear_pipes_first does for the pipelines), and
-- before its plan goes, so that they are not first rewritten to lose their plan item.
create or replace function private.clear_facilities_first() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  delete from public.facilities f where f.community_id = old.id;
  return old;
end
$$;
revoke execute on function private.clear_facilities_first() from public;
drop trigger if exists communities_clear_facilities_first on public.communities;
create trigger communities_clear_facilities_first before delete on public.communities
  for each row execute function private.clear_facilities_first();

-- No truncate for staff (it ignores row-level security), which Supabase's default
-- privileges would otherwise give; the public only reads.
alter table public.facilities enable row level security;
revoke all on public.facilities from public, anon, authenticated;
grant select on public.facilities to anon;
grant select, insert, update, delete on public.facilities to authenticated;
grant all on public.facilities to service_role;

-- Read like their community and its plan: residents see the parking and rooms planned for
-- published communities; staff what they see.
drop policy if exists "The public can read facilities of published communities" on public.facilities;
create policy "The public can read facilities of published communities" on public.facilities
  for select to anon
  using (exists (select 1 from public.communities c where c.id = facilities.community_id and c.published));
drop policy if exists "Staff read the facilities of the communities they see" on public.facilities;
create policy "Staff read the facilities of the communities they see" on public.facilities
  for select to authenticated
  using ((select private.reads_everything())
         or exists (select 1 from public.communities c where c.id = facilities.community_id));
-- Sub-district offices draw up and carry out their communities' plans (DOMAIN.md §6).
drop policy if exists "Planners add facilities, editors to their own communities" on public.facilities;
create policy "Planners add facilities, editors to their own communities" on public.facilities
  for insert to authenticated
  with check ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = facilities.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
drop policy if exists "Planners change facilities, editors their own" on public.facilities;
create policy "Planners change facilities, editors their own" on public.facilities
  for update to authenticated
  using ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = facilities.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())))
  with check ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = facilities.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
drop policy if exists "Planners remove facilities, editors their own" on public.facilities;
create policy "Planners remove facilities, editors their own" on public.facilities
  for delete to authenticated
  using ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = facilities.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
