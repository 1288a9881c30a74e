-- The annual cycle (DOMAIN.md §6): each town or sub-district office (镇办) surveys its
-- communities and sends the district its candidate list for next year's plan, due by
-- 31 October of the year before. The bureau sees who has sent theirs and who is late.

-- One office's list for one plan year. Sent once and corrected afterwards (the version
-- guards corrections); when it was first sent decides whether it was on time.
create table if not exists public.candidate_submissions (
  id uuid primary key default gen_random_uuid(),
  plan_year smallint not null check (plan_year between 2000 and 2100),
  subdistrict_code text not null references public.subdistricts (code),
  community_ids uuid[] not null default '{}',                 -- an empty list says "none this year"
  note text,
  submitted_by uuid,
  submitted_at timestamptz not null default now(),
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  unique (plan_year, subdistrict_code)
);
create index if not exists candidate_submissions_subdistrict_code_idx on public.candidate_submissions (subdistrict_code);

-- The due date of a plan year's lists: 31 October of the year before, in China's time.
create or replace function private.candidate_list_due(plan_year integer) returns date
language sql immutable set search_path = ''
as $$
  select make_date(plan_year - 1, 10, 31)
$$;
revoke execute on function private.candidate_list_due(integer) from public;
grant execute on function private.candidate_list_due(integer) to authenticated, service_role;

-- Who sent it and when are the database's to say for signed-in callers; every listed community must be one of
-- the office's own (security definer: an office may list communities not yet published).
create or replace function private.check_candidate_submission() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  stray uuid;
begin
  -- Without a signed-in caller (an import, the demo seed) the given ones are kept.
  if auth.uid() is not null then
    if tg_op = 'INSERT' then
      new.submitted_by := auth.uid();
      new.submitted_at := now();
    else
      new.submitted_by := old.submitted_by;
      new.submitted_at := old.submitted_at;
    end if;
  end if;
  select i into stray from unnest(new.community_ids) as i
  where not exists (select 1 from public.communities c where c.id = i and c.subdistrict_code = new.subdistrict_code)
  limit 1;
  if stray is not null then
    raise exception 'community % is not one of sub-district %', stray, new.subdistrict_code
      using errcode = '23503', table = 'candidate_submissions';
  end if;
  return new;
end
$$;
revoke execute on function private.check_candidate_submission() from public;
drop trigger if exists candidate_submissions_check on public.candidate_submissions;
create trigger candidate_submissions_check before insert or update on public.candidate_submissions
  for each row execute function private.check_candidate_submission();
drop trigger if exists candidate_submissions_next_version on public.candidate_submissions;
create trigger candidate_submissions_next_version before update on public.candidate_submissions
  for each row execute function private.next_version();
drop trigger if exists candidate_submissions_record_change on public.candidate_submissions;
create trigger candidate_submissions_record_change after insert or update or delete on public.candidate_submissions
  for each row execute function private.record_change('none');

alter table public.candidate_submissions enable row level security;
revoke all on public.candidate_submissions from public, anon, authenticated, service_role;
grant select, insert, update, delete on public.candidate_submissions to authenticated;
grant all on public.candidate_submissions to service_role;

drop policy if exists "Planners read every list, editors their own" on public.candidate_submissions;
create policy "Planners read every list, editors their own" on public.candidate_submissions
  for select to authenticated
  using ((select private.reads_everything()) or array[subdistrict_code] <@ (select private.editor_subdistricts()));
drop policy if exists "Editors send their offices' lists, planners any" on public.candidate_submissions;
create policy "Editors send their offices' lists, planners any" on public.candidate_submissions
  for insert to authenticated
  with check ((select private.is_planner()) or array[subdistrict_code] <@ (select private.editor_subdistricts()));
drop policy if exists "Editors correct their offices' lists, planners any" on public.candidate_submissions;
create policy "Editors correct their offices' lists, planners any" on public.candidate_submissions
  for update to authenticated
  using ((select private.is_planner()) or array[subdistrict_code] <@ (select private.editor_subdistricts()))
  with check ((select private.is_planner()) or array[subdistrict_code] <@ (select private.editor_subdistricts()));

drop policy if exists "Planners remove lists sent by mistake" on public.candidate_submissions;
create policy "Planners remove lists sent by mistake" on public.candidate_submissions
  for delete to authenticated using ((select private.is_planner()));

-- Every office's state for each plan year that has a list, and for the coming year (the
-- one whose lists are due this 31 October), as of China's date today: on_time / late (sent
-- after the due date) / missing (not sent, the due date passed) / pending (not sent, not yet
-- due). Security invoker: an editor sees its own lists only, so this is the planners'
-- overview.
create or replace view public.candidate_cycle with (security_invoker = true) as
  with years as (
    select distinct cs.plan_year::integer as plan_year from public.candidate_submissions cs
    union
    select extract(year from now() at time zone 'Asia/Shanghai')::integer + 1
  )
  select y.plan_year, s.code as subdistrict_code, s.name as subdistrict_name, s.kind,
         private.candidate_list_due(y.plan_year) as due_on,
         cs.submitted_at, cs.submitted_by, cardinality(cs.community_ids) as communities,
         case
           when cs.id is null and (now() at time zone 'Asia/Shanghai')::date > private.candidate_list_due(y.plan_year) then 'missing'
           when cs.id is null then 'pending'
           when (cs.submitted_at at time zone 'Asia/Shanghai')::date > private.candidate_list_due(y.plan_year) then 'late'
           else 'on_time'
         end as state
  from years y
  cross join public.subdistricts s
  left join public.candidate_submissions cs on cs.subdistrict_code = s.code and cs.plan_year = y.plan_year;
grant select on public.candidate_cycle to authenticated, service_role;
