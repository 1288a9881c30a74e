-- Where each community's money comes from (资金筹措, DOMAIN.md §5): one line per source and
-- amount, optionally tied to the plan items it pays for. Funding is the bureau's and the
-- sub-district offices' working data: never shown to the public.

create table if not exists public.funding_lines (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null references public.communities (id) on delete cascade,
  source text not null check (source in (
    'central_subsidy',        -- 中央奖补资金
    'provincial_subsidy',     -- 省级奖补资金
    'municipal_subsidy',      -- 市级奖补资金
    'district_budget',        -- 区级预算资金
    'property_right_unit',    -- 产权单位出资
    'utility_operator',       -- 专营单位（水、电、气、暖、通信、有线电视）
    'maintenance_fund',       -- 住宅专项维修资金
    'public_revenue',         -- 小区公共收益（停车、广告等）
    'donations',              -- 居民捐资捐物
    'provident_fund',         -- 住房公积金（加装电梯）
    'social_capital')),       -- 社会资本
  amount_yuan numeric(14, 2) not null check (amount_yuan > 0),
  -- The items the money is earmarked for; empty: the community's plan as a whole. An array
  -- for the same reasons as plan_items.building_ids, kept to the community's items by trigger.
  plan_item_ids uuid[] not null default '{}',
  note text check (length(note) <= 500),
  is_demo boolean not null default false,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);
create index if not exists funding_lines_community_id_idx on public.funding_lines (community_id);

create or replace function private.check_funding_line() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if cardinality(new.plan_item_ids) > (select count(distinct i) from unnest(new.plan_item_ids) i) then
    raise exception 'a funding line lists a plan item twice'
      using errcode = '23514', constraint = 'funding_lines_plan_item_ids_check', table = 'funding_lines';
  end if;
  if exists (
    select 1 from unnest(new.plan_item_ids) i
    where not exists (select 1 from public.plan_items x where x.id = i and x.community_id = new.community_id)
  ) then
    raise exception 'a funding line may only pay for plan items of its own community'
      using errcode = '23503', constraint = 'funding_lines_plan_item_ids_fkey', table = 'funding_lines';
  end if;
  return new;
end
$$;
revoke execute on function private.check_funding_line() from public;

drop trigger if exists funding_lines_check on public.funding_lines;
create trigger funding_lines_check before insert or update on public.funding_lines
  for each row execute function private.check_funding_line();
drop trigger if exists funding_lines_next_version on public.funding_lines;
create trigger funding_lines_next_version before update on public.funding_lines
  for each row execute function private.next_version();
drop trigger if exists funding_lines_record_change on public.funding_lines;
create trigger funding_lines_record_change after insert or update or delete on public.funding_lines
  for each row execute function private.record_change('community_id');

-- A plan item that goes is no longer paid for: lines tied to it forget it (on the record).
create or replace function private.forget_plan_item_in_funding() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.funding_lines f set plan_item_ids = array_remove(f.plan_item_ids, old.id)
  where f.community_id = old.community_id and old.id = any(f.plan_item_ids);
  return old;
end
$$;
revoke execute on function private.forget_plan_item_in_funding() from public;
drop trigger if exists plan_items_forget_in_funding on public.plan_items;
create trigger plan_items_forget_in_funding after delete on public.plan_items
  for each row execute function private.forget_plan_item_in_funding();

-- Removing a community removes its funding and plan while it is still there, so their
-- records still find its sub-district (as private.remove_children_first does for buildings).
-- Named to fire before that trigger (same event, alphabetical order): the plan goes before
-- the buildings it lists.
create or replace function private.clear_plan_first() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  delete from public.funding_lines f where f.community_id = old.id;
  delete from public.plan_items i where i.community_id = old.id;
  return old;
end
$$;
revoke execute on function private.clear_plan_first() from public;
drop trigger if exists communities_clear_plan_first on public.communities;
create trigger communities_clear_plan_first before delete on public.communities
  for each row execute function private.clear_plan_first();

alter table public.funding_lines enable row level security;
revoke all on public.funding_lines from anon;
grant select, insert, update, delete on public.funding_lines to authenticated;
grant all on public.funding_lines to service_role;

-- No policy for anon: the public never sees funding. Signed-in users see it only by role:
-- planners, leaders and admins all of it, editors their own sub-districts'.
drop policy if exists "Staff by role and editors of their sub-districts read funding" on public.funding_lines;
create policy "Staff by role and editors of their sub-districts read funding" on public.funding_lines
  for select to authenticated
  using ((select private.reads_everything()) or exists (
    select 1 from public.communities c
    where c.id = funding_lines.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
drop policy if exists "Planners add funding, editors to their own communities" on public.funding_lines;
create policy "Planners add funding, editors to their own communities" on public.funding_lines
  for insert to authenticated
  with check ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = funding_lines.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
drop policy if exists "Planners change funding, editors their own" on public.funding_lines;
create policy "Planners change funding, editors their own" on public.funding_lines
  for update to authenticated
  using ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = funding_lines.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())))
  with check ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = funding_lines.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
drop policy if exists "Planners remove funding, editors their own" on public.funding_lines;
create policy "Planners remove funding, editors their own" on public.funding_lines
  for delete to authenticated
  using ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = funding_lines.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
