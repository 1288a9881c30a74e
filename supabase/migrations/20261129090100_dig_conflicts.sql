-- The ten-year rule (DOMAIN.md §3, 先地下、后地上): "after completion, no re-excavation of
-- the road for ten years" (十年之内不允许二次破路施工). One function answers it, so the map,
-- the API and the tests share one truth.
--
-- For a proposed dig (a trench drawn as a line, or an area) and the day it is to start, it
-- lists every renewed pipe segment the dig touches, when it was renewed, the day the
-- moratorium ends (renewed_on + 10 years; from that day on digging is allowed again) and
-- whether the dig falls inside it. The dig is allowed when no row blocks it.
--
-- "Touches": the dig comes within 0.5 m of the pipe in plan (an area over it, a trench line
-- crossing it or running beside it). A trench line is its centre: a trench dug by a small
-- excavator is some 0.6–1 m wide, so a pipe within 0.5 m of the line lies in or at the edge
-- of the opened ground, and half a metre also absorbs the drawing error of a click on the
-- map. Distances are in metres in the UTM zone of the dig (50N for Zhangdian), whose scale
-- error is under 0.1 %: not on the spheroid (geography), whose edge-to-edge distance comes
-- out as 0 for nearly parallel lines a few decimetres apart (PostGIS 3.3 found a trench
-- 0.4 m beside a pipe to touch it at 0 m, one 0.6 m away not to).
--
-- Runs as its caller (security invoker): row-level security decides which segments count,
-- so an editor learns only of the pipes of their own sub-districts, and the public, which
-- may not read pipelines at all, may not call it.
create or replace function public.dig_conflicts(dig extensions.geometry, planned_on date)
returns table (
  segment_id uuid,
  pipeline_type text,
  community_id uuid,
  renewed_on date,
  moratorium_until date,
  blocks boolean,
  distance_m double precision
)
language plpgsql stable security invoker set search_path = ''
as $$
declare
  centre extensions.geometry;
  utm integer;
  dig_m extensions.geometry;
begin
  if dig is null or extensions.st_isempty(dig) or extensions.st_srid(dig) <> 4326
     or extensions.geometrytype(dig) not in ('LINESTRING', 'MULTILINESTRING', 'POLYGON', 'MULTIPOLYGON')
     or not extensions.st_isvalid(dig)
     or extensions.st_xmin(dig) < -180 or extensions.st_xmax(dig) > 180
     or extensions.st_ymin(dig) < -80 or extensions.st_ymax(dig) > 84 then
    raise exception 'a dig is a valid line or area in EPSG:4326, between 80°S and 84°N' using errcode = '22023';
  end if;
  if planned_on is null then
    raise exception 'a dig needs the day it is planned to start' using errcode = '22023';
  end if;
  centre := extensions.st_centroid(dig);
  utm := case when extensions.st_y(centre) >= 0 then 32600 else 32700 end
         + least(60, floor((extensions.st_x(centre) + 180) / 6)::integer + 1);
  dig_m := extensions.st_transform(extensions.st_force2d(dig), utm);
  return query
  select s.id, s.pipeline_type, s.community_id, s.renewed_on,
         (s.renewed_on + interval '10 years')::date,
         planned_on < (s.renewed_on + interval '10 years')::date,
         extensions.st_distance(extensions.st_transform(extensions.st_force2d(s.geom), utm), dig_m)
  from public.pipe_segments s
  where s.state = 'renewed'
    -- A coarse test in degrees the GiST index answers (1e-4° is over 8 m anywhere below 40°
    -- of latitude, and over 0.5 m up to 84°), then the exact one in metres.
    and extensions.st_dwithin(s.geom, dig, 0.0001)
    and extensions.st_dwithin(extensions.st_transform(extensions.st_force2d(s.geom), utm), dig_m, 0.5)
  order by 6 desc, 5 desc, 7, 1;
end
$$;
revoke execute on function public.dig_conflicts(extensions.geometry, date) from public, anon;
grant execute on function public.dig_conflicts(extensions.geometry, date) to authenticated, service_role;
