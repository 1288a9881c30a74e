-- Each community's plan (一小区一策, DOMAIN.md §3): the catalogue items it renovates, how
-- much, for what budget, on which buildings, and how far each item has got.

create table if not exists public.plan_items (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null references public.communities (id) on delete cascade,
  catalogue_code text not null references public.renovation_catalogue (code) on update cascade,
  quantity numeric(12, 2) not null check (quantity > 0),
  unit text not null check (length(btrim(unit)) between 1 and 10),    -- the catalogue's unless said otherwise
  budget_yuan numeric(14, 2) check (budget_yuan >= 0),                 -- null: not yet costed
  -- The buildings the item is done on; empty means the whole community (roads, pipes…).
  -- An array rather than a child table: an item and its buildings are one row to check,
  -- to version and to put on the record, and a trigger keeps it to the community's buildings.
  building_ids uuid[] not null default '{}',
  status text not null default 'planned' check (status in ('planned', 'in_progress', 'done')),
  percent_complete smallint not null default 0 check (percent_complete between 0 and 100),
  note text check (length(note) <= 500),
  is_demo boolean not null default false,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  -- Status and percentage say the same thing: nothing done while planned, all when done.
  constraint plan_items_percent_matches_status check (
    (status = 'planned' and percent_complete = 0)
    or (status = 'in_progress' and percent_complete < 100)
    or (status = 'done' and percent_complete = 100))
);
create index if not exists plan_items_community_id_idx on public.plan_items (community_id);
create index if not exists plan_items_catalogue_code_idx on public.plan_items (catalogue_code);

-- Fills the unit from the catalogue when none is given and keeps the buildings to the
-- item's own community, each once. Security definer: it must see every building of the
-- community, whoever writes.
create or replace function private.check_plan_item() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.unit is null then
    select k.unit into new.unit from public.renovation_catalogue k where k.code = new.catalogue_code;
  end if;
  if cardinality(new.building_ids) > (select count(distinct b) from unnest(new.building_ids) b) then
    raise exception 'a plan item lists a building twice' using errcode = '23514', constraint = 'plan_items_building_ids_check', table = 'plan_items';
  end if;
  if exists (
    select 1 from unnest(new.building_ids) b
    where not exists (select 1 from public.buildings x where x.id = b and x.community_id = new.community_id)
  ) then
    raise exception 'a plan item may only list buildings of its own community'
      using errcode = '23503', constraint = 'plan_items_building_ids_fkey', table = 'plan_items';
  end if;
  return new;
end
$$;
revoke execute on function private.check_plan_item() from public;

drop trigger if exists plan_items_check on public.plan_items;
create trigger plan_items_check before insert or update on public.plan_items
  for each row execute function private.check_plan_item();
drop trigger if exists plan_items_next_version on public.plan_items;
create trigger plan_items_next_version before update on public.plan_items
  for each row execute function private.next_version();
drop trigger if exists plan_items_record_change on public.plan_items;
create trigger plan_items_record_change after insert or update or delete on public.plan_items
  for each row execute function private.record_change('community_id');

-- A building that goes leaves the items that listed it (on the record, as an update).
create or replace function private.forget_building_in_plans() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.plan_items i set building_ids = array_remove(i.building_ids, old.id)
  where i.community_id = old.community_id and old.id = any(i.building_ids);
  return old;
end
$$;
revoke execute on function private.forget_building_in_plans() from public;
drop trigger if exists buildings_forget_in_plans on public.buildings;
create trigger buildings_forget_in_plans after delete on public.buildings
  for each row execute function private.forget_building_in_plans();

alter table public.plan_items enable row level security;
grant select on public.plan_items to anon, authenticated;
grant insert, update, delete on public.plan_items to authenticated;
grant all on public.plan_items to service_role;

-- Plans are read like their community: the public those published, staff what they see.
drop policy if exists "The public can read plans of published communities" on public.plan_items;
create policy "The public can read plans of published communities" on public.plan_items
  for select to anon
  using (exists (select 1 from public.communities c where c.id = plan_items.community_id and c.published));
drop policy if exists "Staff read the plans of the communities they see" on public.plan_items;
create policy "Staff read the plans of the communities they see" on public.plan_items
  for select to authenticated
  using ((select private.reads_everything())
         or exists (select 1 from public.communities c where c.id = plan_items.community_id));
-- Sub-district offices draw up and carry out their communities' plans (DOMAIN.md §6).
drop policy if exists "Planners add plan items, editors to their own communities" on public.plan_items;
create policy "Planners add plan items, editors to their own communities" on public.plan_items
  for insert to authenticated
  with check ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = plan_items.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
drop policy if exists "Planners change plan items, editors their own" on public.plan_items;
create policy "Planners change plan items, editors their own" on public.plan_items
  for update to authenticated
  using ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = plan_items.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())))
  with check ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = plan_items.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
drop policy if exists "Planners remove plan items, editors their own" on public.plan_items;
create policy "Planners remove plan items, editors their own" on public.plan_items
  for delete to authenticated
  using ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = plan_items.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
