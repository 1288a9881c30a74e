-- Eligibility (界定标准, DOMAIN.md §2) computed from a community's facts, in one place that the
-- API, the UI and the tests all read, and the rule that a community which is not eligible
-- enters a batch only with a planner's recorded override.
--
-- The decision, precisely:
-- * Hard criteria, written in the plan as conditions or exclusions. Any one failing makes the
--   community not_eligible:
--     built_after_2005            built_year > 2005 (the plan says built by 2005-12-31)
--     collective_land             land_tenure <> 'state_owned' (集体土地)
--     outside_city_or_county_seat not in a city or county seat (城市或县城)
--     in_redevelopment_plan       listed in a shanty-town or urban-village plan in the last ten years
--     mostly_self_built           mainly residents' self-built housing (居民自建自住)
-- * Soft criteria, which people judge: badly run down (失养失修失管), lacking facilities
--   (配套设施不完善), residents strongly wanting renovation (改造意愿强烈). With the hard
--   criteria met, any of these judged unmet or not known makes the community needs_review,
--   never not_eligible: the plan gives no measure for them, so a planner decides.
--     not_run_down                poorly_maintained is false
--     facilities_complete         lacks_facilities is false
--     support_unknown             residents_support_pct is not recorded
--     support_below_two_thirds    under two thirds of residents agree: the share the Civil
--                                 Code (art. 278) asks of owners for renovating common parts
-- * Otherwise eligible. Every reason that applies is listed, hard ones first, so a
--   not_eligible community shows its soft gaps too.
-- * Entering a batch needs an override only when not_eligible: a needs_review community is
--   put in a batch by a planner (only planners set batch_year or create projects), and that
--   act is the review; the panel keeps showing what was open.

-- The reasons for one community's facts, in the order above; empty when eligible.
create or replace function private.eligibility_reasons(c public.communities) returns text[]
language sql immutable set search_path = ''
as $$
  select coalesce(array_agg(reason order by ordinal), '{}') from (values
    (1, 'built_after_2005', c.built_year > 2005),
    (2, 'collective_land', c.land_tenure <> 'state_owned'),
    (3, 'outside_city_or_county_seat', not c.in_city_or_county_seat),
    (4, 'in_redevelopment_plan', c.in_redevelopment_plan),
    (5, 'mostly_self_built', c.mostly_self_built),
    (6, 'not_run_down', not c.poorly_maintained),
    (7, 'facilities_complete', not c.lacks_facilities),
    (8, 'support_unknown', c.residents_support_pct is null),
    (9, 'support_below_two_thirds', c.residents_support_pct * 3 < 200)
  ) as r (ordinal, reason, applies)
  where applies
$$;
revoke execute on function private.eligibility_reasons(public.communities) from public;
grant execute on function private.eligibility_reasons(public.communities) to anon, authenticated, service_role;

-- The status the reasons add up to.
create or replace function private.eligibility_status(reasons text[]) returns text
language sql immutable set search_path = ''
as $$
  select case
    when reasons && array['built_after_2005', 'collective_land', 'outside_city_or_county_seat',
                          'in_redevelopment_plan', 'mostly_self_built'] then 'not_eligible'
    when cardinality(reasons) > 0 then 'needs_review'
    else 'eligible'
  end
$$;
revoke execute on function private.eligibility_status(text[]) from public;
grant execute on function private.eligibility_status(text[]) to anon, authenticated, service_role;

-- A planner's decision that a community which is not eligible may still enter a batch, with
-- why. It covers the reasons that stood when it was granted (filled in by the database, not
-- by the caller): should a new hard reason appear later, a new override is needed.
-- A planner may correct its wording; removing one withdraws it; all is on the record
-- (audit_log).
create table if not exists public.eligibility_overrides (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null references public.communities (id) on delete cascade,
  reason text not null check (length(btrim(reason)) >= 4),
  covers text[] not null,
  granted_by uuid,
  granted_at timestamptz not null default now()
);
create index if not exists eligibility_overrides_community_id_idx on public.eligibility_overrides (community_id);

-- Fills in what an override covers and who granted it, and keeps both through corrections;
-- refuses one with nothing to cover.
create or replace function private.fill_eligibility_override() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  c public.communities;
begin
  if tg_op = 'UPDATE' then
    new.community_id := old.community_id;
    new.covers := old.covers;
    new.granted_by := old.granted_by;
    new.granted_at := old.granted_at;
    return new;
  end if;
  select * into c from public.communities where id = new.community_id;
  new.covers := private.eligibility_reasons(c);
  new.granted_by := auth.uid();
  new.granted_at := now();
  if private.eligibility_status(new.covers) <> 'not_eligible' then
    raise exception 'community % is not excluded: there is nothing to override', c.code
      using errcode = '55000', hint = 'eligibility_override_needless';
  end if;
  return new;
end
$$;
revoke execute on function private.fill_eligibility_override() from public;
drop trigger if exists eligibility_overrides_fill on public.eligibility_overrides;
create trigger eligibility_overrides_fill before insert or update on public.eligibility_overrides
  for each row execute function private.fill_eligibility_override();

-- Whether a community with these facts may enter a batch: not excluded, or every reason
-- against it covered by an override. Security definer: the check must see every override, whoever
-- writes; only the trigger below calls it (its owner's rights), so nobody is granted it.
create or replace function private.may_enter_batch(c public.communities) returns boolean
language sql stable security definer set search_path = ''
as $$
  select private.eligibility_status(private.eligibility_reasons(c)) <> 'not_eligible'
      or exists (select 1 from public.eligibility_overrides o
                 where o.community_id = c.id
                   and o.covers @> array(select r from unnest(private.eligibility_reasons(c)) r
                                         where private.eligibility_status(array[r]) = 'not_eligible'))
$$;
revoke execute on function private.may_enter_batch(public.communities) from public;

-- Entering a batch is setting batch_year (or moving it to another year) or creating the
-- community's project. A community already in a batch whose facts change later is not
-- thrown out: the view shows it as not eligible and a planner decides. Applies to everyone,
-- migrations and jobs included: an override is the one way past it.
create or replace function private.refuse_ineligible_entry() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  c public.communities;
begin
  if tg_table_name = 'communities' then
    if new.batch_year is null or (tg_op = 'UPDATE' and old.batch_year is not distinct from new.batch_year) then
      return new;
    end if;
    c := new;
  else
    if tg_op = 'UPDATE' and old.community_id = new.community_id then
      return new;
    end if;
    select * into c from public.communities where id = new.community_id;
    if not found then
      return new;                                               -- the foreign key answers
    end if;
  end if;
  if not private.may_enter_batch(c) then
    raise exception 'community % is % (%) and has no planner''s override for it',
      c.code, private.eligibility_status(private.eligibility_reasons(c)), array_to_string(private.eligibility_reasons(c), ', ')
      using errcode = '55000', hint = 'eligibility_override_required';
  end if;
  return new;
end
$$;
revoke execute on function private.refuse_ineligible_entry() from public;
drop trigger if exists communities_refuse_ineligible_entry on public.communities;
create trigger communities_refuse_ineligible_entry before insert or update of batch_year on public.communities
  for each row execute function private.refuse_ineligible_entry();
drop trigger if exists renovation_projects_refuse_ineligible_entry on public.renovation_projects;
create trigger renovation_projects_refuse_ineligible_entry before insert or update of community_id on public.renovation_projects
  for each row execute function private.refuse_ineligible_entry();

drop trigger if exists eligibility_overrides_record_change on public.eligibility_overrides;
create trigger eligibility_overrides_record_change after insert or update or delete on public.eligibility_overrides
  for each row execute function private.record_change('community_id');

alter table public.eligibility_overrides enable row level security;
revoke all on public.eligibility_overrides from public, anon, authenticated, service_role;
grant select, insert, update, delete on public.eligibility_overrides to authenticated;
grant all on public.eligibility_overrides to service_role;

drop policy if exists "Staff read the overrides of the communities they see" on public.eligibility_overrides;
create policy "Staff read the overrides of the communities they see" on public.eligibility_overrides
  for select to authenticated
  using ((select private.reads_everything())
         or exists (select 1 from public.communities c
                    where c.id = eligibility_overrides.community_id
                      and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
drop policy if exists "Planners grant overrides" on public.eligibility_overrides;
create policy "Planners grant overrides" on public.eligibility_overrides
  for insert to authenticated with check ((select private.is_planner()));
drop policy if exists "Planners correct overrides" on public.eligibility_overrides;
create policy "Planners correct overrides" on public.eligibility_overrides
  for update to authenticated using ((select private.is_planner())) with check ((select private.is_planner()));
drop policy if exists "Planners withdraw overrides" on public.eligibility_overrides;
create policy "Planners withdraw overrides" on public.eligibility_overrides
  for delete to authenticated using ((select private.is_planner()));

-- Each community's status and reasons, under the communities' own policies (security
-- invoker): whoever may read a community may read its eligibility, and no one else.
-- Overrides are staff's to read, from their own table.
create or replace view public.community_eligibility with (security_invoker = true) as
  select c.id as community_id, private.eligibility_status(r.reasons) as status, r.reasons
  from public.communities c
  cross join lateral (select private.eligibility_reasons(c) as reasons) r;
grant select on public.community_eligibility to anon, authenticated, service_role;
