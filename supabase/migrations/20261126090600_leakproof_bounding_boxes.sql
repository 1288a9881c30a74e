-- Bounding boxes that a map tile's query can use under row-level security.
--
-- PostgreSQL runs a table's policies before any condition of the query that is not
-- LEAKPROOF (such a condition could reveal hidden rows through its errors), and none of
-- PostGIS's spatial functions and operators is: for the API roles `footprint && <tile>`
-- cannot use the GiST index on footprint, so every tile read every building (about 70 times
-- the owner's time over 100,000 buildings). Only a superuser can mark a function LEAKPROOF,
-- which a Supabase project's owner is not. Comparisons of double precision numbers are
-- leakproof, so each geometry's bounding box is kept as four numbers with a GiST index over
-- them (btree_gist), and a box query states the overlap on them before its exact test:
--   bbox_west <= :east and bbox_east >= :west and bbox_south <= :north and bbox_north >= :south
--   and st_intersects(footprint, st_makeenvelope(:west, :south, :east, :north, 4326))
-- `npm run bench`, part (f), compares it with the table owner's query.

create extension if not exists btree_gist with schema extensions;

alter table public.buildings
  add column if not exists bbox_west double precision generated always as (extensions.st_xmin(footprint)) stored,
  add column if not exists bbox_south double precision generated always as (extensions.st_ymin(footprint)) stored,
  add column if not exists bbox_east double precision generated always as (extensions.st_xmax(footprint)) stored,
  add column if not exists bbox_north double precision generated always as (extensions.st_ymax(footprint)) stored;
create index if not exists buildings_bbox_gix on public.buildings
  using gist (bbox_west, bbox_east, bbox_south, bbox_north);

alter table public.communities
  add column if not exists bbox_west double precision generated always as (extensions.st_xmin(boundary)) stored,
  add column if not exists bbox_south double precision generated always as (extensions.st_ymin(boundary)) stored,
  add column if not exists bbox_east double precision generated always as (extensions.st_xmax(boundary)) stored,
  add column if not exists bbox_north double precision generated always as (extensions.st_ymax(boundary)) stored;
create index if not exists communities_bbox_gix on public.communities
  using gist (bbox_west, bbox_east, bbox_south, bbox_north);
