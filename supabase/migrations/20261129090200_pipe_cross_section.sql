-- The cross-section (横断面) a planner draws before deciding where a trench or a new line may
-- go, in the spirit of "underground first" (先地下、后地上, DOMAIN.md §3): every pipe the
-- drawn line crosses, in order along it, with the distance from the line's start, the
-- depth of the pipe where it is crossed (interpolated along the segment from its vertices'
-- z), its diameter or section, type, material and state.
--
-- Distances and the interpolation are in metres in the UTM zone of the line (as
-- public.dig_conflicts measures). A pipe is listed at each place it meets the line; a
-- stretch of pipe that runs along the line once, at its end nearest the line's start. Runs
-- as its caller (security invoker): an editor sees the pipes of their own sub-districts, the
-- public may not call it.
create or replace function public.pipe_cross_section(cut extensions.geometry)
returns table (
  segment_id uuid,
  pipeline_type text,
  distance_m double precision,
  depth_m numeric,
  diameter_mm integer,
  section text,
  material text,
  state text
)
language plpgsql stable security invoker set search_path = ''
as $$
declare
  centre extensions.geometry;
  utm integer;
  cut_m extensions.geometry;
begin
  if cut is null or extensions.st_isempty(cut) or extensions.st_srid(cut) <> 4326
     or extensions.geometrytype(cut) <> 'LINESTRING' or not extensions.st_isvalid(cut)
     or extensions.st_xmin(cut) < -180 or extensions.st_xmax(cut) > 180
     or extensions.st_ymin(cut) < -80 or extensions.st_ymax(cut) > 84 then
    raise exception 'a cross-section is drawn as one valid line in EPSG:4326, between 80°S and 84°N' using errcode = '22023';
  end if;
  centre := extensions.st_centroid(cut);
  utm := case when extensions.st_y(centre) >= 0 then 32600 else 32700 end
         + least(60, floor((extensions.st_x(centre) + 180) / 6)::integer + 1);
  cut_m := extensions.st_transform(extensions.st_force2d(cut), utm);
  return query
  with crossed as (
    select s.*, extensions.st_transform(s.geom, utm) as geom_m
    from public.pipe_segments s
    where extensions.st_intersects(s.geom, cut)
  ), meets as (
    -- Each place the pipe meets the line: a point, or for a stretch along it its end
    -- nearest the line's start.
    select c.id, c.pipeline_type, c.diameter_mm, c.section, c.material, c.state, c.geom_m,
           extensions.st_closestpoint(d.geom, extensions.st_startpoint(cut_m)) as at
    from crossed c,
         lateral extensions.st_dump(extensions.st_intersection(extensions.st_force2d(c.geom_m), cut_m)) d
  )
  select m.id, m.pipeline_type,
         extensions.st_linelocatepoint(cut_m, m.at) * extensions.st_length(cut_m),
         round((-extensions.st_z(extensions.st_lineinterpolatepoint(
           m.geom_m, extensions.st_linelocatepoint(extensions.st_force2d(m.geom_m), m.at))))::numeric, 2),
         m.diameter_mm, m.section, m.material, m.state
  from meets m
  order by 3, 1;
end
$$;
revoke execute on function public.pipe_cross_section(extensions.geometry) from public, anon;
grant execute on function public.pipe_cross_section(extensions.geometry) to authenticated, service_role;
