-- Drawn geometry (issue 7): community boundaries and building footprints, checked by the
-- same rules the demo generator keeps (supabase/generator/place.ts, layout.ts and the
-- invariants generate.test.ts asserts of its output), here in PostGIS so that the API, the
-- drawing tools' dry run, the tests and any direct SQL write meet one truth:
--   invalid              not a polygon of the expected kind in WGS84, empty, or invalid for
--                        another reason than crossing itself (too few points, a hole outside
--                        its shell…)
--   self_intersecting    an edge crosses another edge (a "bow tie"), or two parts overlap
--   too_small            under 20 m² for a building, under 1,000 m² for a community: a slip
--                        of the mouse, not a place (the generator's smallest slab is ~240 m²,
--                        its smallest compound 120 × 120 m)
--   outside_district     not strictly inside the district outline (touching its edge counts
--                        as outside, as the generator's test says)
--   overlaps_community   a community boundary that meets another community
--   buildings_outside    a community boundary that leaves one of its buildings outside it
--   outside_community    a building footprint not covered by its community's boundary
--   overlaps_building    a building footprint that meets another building (touching counts,
--                        as turf's booleanIntersects in the generator's test)
-- The generator's spacing (8 m between slabs, 30 m between compounds, 60 m from the outline)
-- is how it lays out demo data with room to spare, not a rule for what surveyors draw.
-- Only the geometric rules are here; the problems are listed in this order, every one found,
-- except that a shape that is not a valid polygon is not tested against its neighbours.

-- The problems of the shape alone.
create or replace function private.shape_problems(shape extensions.geometry, kind text, min_area_m2 double precision)
returns text[]
language plpgsql stable set search_path = ''
as $$
declare
  reason text;
begin
  if shape is null or extensions.st_isempty(shape) or extensions.st_srid(shape) <> 4326
     or extensions.geometrytype(shape) <> all (case kind when 'polygon' then array['POLYGON'] else array['POLYGON', 'MULTIPOLYGON'] end)
     or extensions.st_xmin(shape) < -180 or extensions.st_xmax(shape) > 180
     or extensions.st_ymin(shape) < -90 or extensions.st_ymax(shape) > 90 then
    return array['invalid'];
  end if;
  reason := (extensions.st_isvaliddetail(shape)).reason;
  if reason is not null then
    return array[case when reason ilike '%self-intersection%' then 'self_intersecting' else 'invalid' end];
  end if;
  if extensions.st_area(shape::extensions.geography) < min_area_m2 then
    return array['too_small'];
  end if;
  return '{}';
end
$$;

-- What is wrong with `shape` as the boundary of a community in `subdistrict`; `community`
-- is the community reshaped (left out of the overlap test, its buildings must stay inside),
-- null for a new one. Security definer: the rules hold against every row, also those the
-- caller cannot read. It tells only whether the shape meets something, never what; the
-- trigger below calls it, staff through check_community_boundary.
create or replace function private.community_boundary_problems(shape extensions.geometry, subdistrict text, community uuid default null)
returns text[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  problems text[] := private.shape_problems(shape, 'multipolygon', 1000);
begin
  if cardinality(problems) > 0 and problems <> array['too_small'] then
    return problems;
  end if;
  if not exists (
    select 1 from public.subdistricts s join public.districts d on d.code = s.district_code
    where s.code = subdistrict and extensions.st_containsproperly(d.outline, shape)) then
    problems := problems || 'outside_district'::text;
  end if;
  if exists (
    select 1 from public.communities c
    where c.id is distinct from community and extensions.st_intersects(c.boundary, shape)) then
    problems := problems || 'overlaps_community'::text;
  end if;
  if exists (
    select 1 from public.buildings b
    where b.community_id = community and not extensions.st_coveredby(b.footprint, shape)) then
    problems := problems || 'buildings_outside'::text;
  end if;
  return problems;
end
$$;

-- What is wrong with `shape` as the footprint of a building of `community`; `building`
-- is the building reshaped (left out of the overlap test), null for a new one.
create or replace function private.building_footprint_problems(shape extensions.geometry, community uuid, building uuid default null)
returns text[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  problems text[] := private.shape_problems(shape, 'polygon', 20);
begin
  if cardinality(problems) > 0 and problems <> array['too_small'] then
    return problems;
  end if;
  if not exists (
    select 1 from public.communities c
    join public.subdistricts s on s.code = c.subdistrict_code
    join public.districts d on d.code = s.district_code
    where c.id = community and extensions.st_containsproperly(d.outline, shape)) then
    problems := problems || 'outside_district'::text;
  end if;
  if not exists (
    select 1 from public.communities c where c.id = community and extensions.st_coveredby(shape, c.boundary)) then
    problems := problems || 'outside_community'::text;
  end if;
  if exists (
    select 1 from public.buildings b
    where b.id is distinct from building and extensions.st_intersects(b.footprint, shape)) then
    problems := problems || 'overlaps_building'::text;
  end if;
  return problems;
end
$$;

revoke execute on function private.shape_problems(extensions.geometry, text, double precision) from public;
revoke execute on function private.community_boundary_problems(extensions.geometry, text, uuid) from public;
revoke execute on function private.building_footprint_problems(extensions.geometry, uuid, uuid) from public;

-- The dry run the drawing tools ask while a shape is drawn, for staff who may redraw the
-- community (planners and admins anywhere, editors in their own sub-districts): the rules
-- see every row, so nobody else learns from them what lies where.
create or replace function private.may_redraw(community uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return private.is_planner() or exists (
    select 1 from public.communities c
    where c.id = community and array[c.subdistrict_code] <@ private.editor_subdistricts());
end
$$;
revoke execute on function private.may_redraw(uuid) from public;

create or replace function private.check_community_boundary(shape extensions.geometry, community uuid)
returns text[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not private.may_redraw(community) then
    raise exception 'only staff who may redraw this community can check its shapes' using errcode = '42501';
  end if;
  return private.community_boundary_problems(
    shape, (select c.subdistrict_code from public.communities c where c.id = community), community);
end
$$;

create or replace function private.check_building_footprint(shape extensions.geometry, community uuid, building uuid default null)
returns text[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not private.may_redraw(community) then
    raise exception 'only staff who may redraw this community can check its shapes' using errcode = '42501';
  end if;
  return private.building_footprint_problems(shape, community, building);
end
$$;
revoke execute on function private.check_community_boundary(extensions.geometry, uuid) from public;
revoke execute on function private.check_building_footprint(extensions.geometry, uuid, uuid) from public;
grant execute on function private.check_community_boundary(extensions.geometry, uuid) to authenticated, service_role;
grant execute on function private.check_building_footprint(extensions.geometry, uuid, uuid) to authenticated, service_role;

-- Every write of a geometry is checked, whoever makes it: the app, the API, a migration or
-- someone at the SQL prompt. A refusal is a check violation naming the rules
-- ('geometry_rules') with the problems' codes, comma-separated, as its detail.
--
-- Two drawings saved at once could each pass against the other's old shape (two buildings
-- drawn over the same spot). Geometry writes of one district therefore take turns: the lock
-- is held to the end of the transaction, and the check reads after it is granted (a
-- statement of a PL/pgSQL function sees what was committed before it started).
create or replace function private.check_geometry() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  problems text[];
  kept text;
begin
  perform pg_advisory_xact_lock(hashtext('renewal-atlas geometry'));
  if tg_table_name = 'communities' then
    problems := private.community_boundary_problems(new.boundary, new.subdistrict_code, new.id);
    kept := 'boundary';
  else
    problems := private.building_footprint_problems(new.footprint, new.community_id, new.id);
    kept := 'footprint';
  end if;
  if cardinality(problems) > 0 then
    raise exception 'geometry refused: %', array_to_string(problems, ', ')
      using errcode = '23514', constraint = 'geometry_rules', table = tg_table_name, column = kept,
            detail = array_to_string(problems, ',');
  end if;
  return new;
end
$$;
revoke execute on function private.check_geometry() from public;

drop trigger if exists communities_check_geometry on public.communities;
create trigger communities_check_geometry before insert or update of boundary, subdistrict_code on public.communities
  for each row execute function private.check_geometry();
drop trigger if exists buildings_check_geometry on public.buildings;
create trigger buildings_check_geometry before insert or update of footprint, community_id on public.buildings
  for each row execute function private.check_geometry();

-- Editors (镇办) now redraw the places of their own sub-districts: the boundary and the
-- footprints leave the columns kept from them. The rest stays the bureau's.
drop trigger if exists communities_keep_columns_from_editors on public.communities;
create trigger communities_keep_columns_from_editors before update on public.communities
  for each row execute function private.keep_columns_from_editors(
    'id', 'code', 'subdistrict_code', 'batch_year', 'is_demo', 'published');
drop trigger if exists buildings_keep_columns_from_editors on public.buildings;
create trigger buildings_keep_columns_from_editors before update on public.buildings
  for each row execute function private.keep_columns_from_editors(
    'id', 'community_id', 'code', 'is_demo');

-- …and add a building they find missing, or remove one that was demolished, in their own
-- sub-districts; planners and admins anywhere. (Adding or removing a community stays the
-- bureau's: it changes the programme's list.)
drop policy if exists "Planners can add buildings" on public.buildings;
drop policy if exists "Planners add buildings, editors to their own communities" on public.buildings;
create policy "Planners add buildings, editors to their own communities" on public.buildings
  for insert to authenticated
  with check ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = buildings.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
drop policy if exists "Planners can remove buildings" on public.buildings;
drop policy if exists "Planners remove buildings, editors their own" on public.buildings;
create policy "Planners remove buildings, editors their own" on public.buildings
  for delete to authenticated
  using ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = buildings.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
