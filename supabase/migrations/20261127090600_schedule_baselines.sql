-- Schedules keep their baseline: each milestone remembers the date first planned for it,
-- every later change of its planned date is kept with the old date, the new one, who, when
-- and why, and per community the database says whether it runs late and by how much.

-- The first planned date of a milestone (基准计划). Set once, by the database, from the first
-- planned date (or given explicitly when a row is inserted, as the seed does for projects
-- whose history it tells); re-planning moves planned_on only.
alter table public.project_milestones add column if not exists baseline_on date;
update public.project_milestones set baseline_on = planned_on where baseline_on is null and planned_on is not null;

-- Milestone saves guarded by a version, like the project's own.
alter table public.project_milestones add column if not exists version integer not null default 1;
alter table public.project_milestones add column if not exists updated_at timestamptz not null default now();
drop trigger if exists project_milestones_next_version on public.project_milestones;
create trigger project_milestones_next_version before update on public.project_milestones
  for each row execute function private.next_version();

-- One change of a milestone's planned date. Written only by the trigger below, in the same
-- transaction as the change (which audit_log records too), so it cannot be forged or
-- forgotten; append-only. The reason comes from the transaction's setting
-- atlas.replan_reason, which the re-plan form requires. The progress form, which edits
-- planned dates in bulk, gives none: such changes are kept with a null reason and the
-- panel says "no reason given", rather than being refused.
create table if not exists public.milestone_replans (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null,
  stage text not null,                                        -- a stage, through the milestone
  old_on date,
  new_on date,
  reason text check (reason is null or length(btrim(reason)) > 0),
  replanned_by uuid,
  replanned_at timestamptz not null default now(),
  foreign key (project_id, stage) references public.project_milestones (project_id, stage)
    on update cascade on delete cascade
);
create index if not exists milestone_replans_milestone_idx on public.milestone_replans (project_id, stage, replanned_at);

-- Keeps the baseline: fills it from the first planned date, refuses to change it after.
create or replace function private.keep_baseline() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.baseline_on := coalesce(new.baseline_on, new.planned_on);
    return new;
  end if;
  if old.baseline_on is null then
    new.baseline_on := coalesce(new.baseline_on, new.planned_on);
  elsif new.baseline_on is distinct from old.baseline_on then
    raise exception 'the baseline of a milestone is kept: re-plan its planned date instead'
      using errcode = '55000', hint = 'baseline_fixed';
  end if;
  return new;
end
$$;
revoke execute on function private.keep_baseline() from public;
drop trigger if exists project_milestones_keep_baseline on public.project_milestones;
create trigger project_milestones_keep_baseline before insert or update on public.project_milestones
  for each row execute function private.keep_baseline();

-- Records a change of an already planned date. Security definer: nobody is granted writes
-- on the history, so it holds only what the database wrote.
create or replace function private.record_replan() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.milestone_replans (project_id, stage, old_on, new_on, reason, replanned_by)
  values (new.project_id, new.stage, old.planned_on, new.planned_on,
          nullif(btrim(current_setting('atlas.replan_reason', true)), ''), auth.uid());
  return null;
end
$$;
revoke execute on function private.record_replan() from public;
drop trigger if exists project_milestones_record_replan on public.project_milestones;
create trigger project_milestones_record_replan after update of planned_on on public.project_milestones
  for each row when (old.planned_on is not null and old.planned_on is distinct from new.planned_on)
  execute function private.record_replan();

-- Nobody edits the history of re-plans. It follows its milestone: removed with it, and moved
-- with it when a planner moves the milestone to another stage or project (the foreign key's
-- cascade, the only update that changes nothing but the key).
create or replace function private.keep_replans() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if (new.id, new.old_on, new.new_on, new.reason, new.replanned_by, new.replanned_at)
     is not distinct from (old.id, old.old_on, old.new_on, old.reason, old.replanned_by, old.replanned_at) then
    return new;
  end if;
  raise exception 'the history of re-plans is append-only' using errcode = '42501';
end
$$;
revoke execute on function private.keep_replans() from public;
drop trigger if exists milestone_replans_append_only on public.milestone_replans;
create trigger milestone_replans_append_only before update on public.milestone_replans
  for each row execute function private.keep_replans();

alter table public.milestone_replans enable row level security;
revoke all on public.milestone_replans from public, anon, authenticated, service_role;
grant select on public.milestone_replans to authenticated;
grant select, insert, delete on public.milestone_replans to service_role;

drop policy if exists "Staff read the re-plans of the projects they see" on public.milestone_replans;
create policy "Staff read the re-plans of the projects they see" on public.milestone_replans
  for select to authenticated
  using ((select private.reads_everything())
         or exists (select 1 from public.renovation_projects p join public.communities c on c.id = p.community_id
                    where p.id = milestone_replans.project_id
                      and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));

-- Each milestone's three dates and how far it is from its baseline, as of the project's
-- status date. Status date, not today: it is the date the progress was reported; after it
-- nothing is known, and measuring to today would call every project whose reports stopped
-- years late (the demo's date is 2023-06-30).
--   slip_days  current plan minus baseline: how far re-planning has moved it
--   delay_days actual minus baseline once it happened; while pending and its baseline has
--              passed, status date minus baseline (late by at least that much); else null
--   overdue    planned (current plan) before the status date and not happened
create or replace view public.milestone_schedule with (security_invoker = true) as
  select m.project_id, p.community_id, m.stage, s.ordinal,
         m.baseline_on, m.planned_on, m.actual_on, p.status_as_of,
         m.planned_on - m.baseline_on as slip_days,
         case
           when m.actual_on is not null then m.actual_on - m.baseline_on
           when m.baseline_on < p.status_as_of then p.status_as_of - m.baseline_on
         end as delay_days,
         (m.actual_on is null and m.planned_on < p.status_as_of) as overdue
  from public.project_milestones m
  join public.renovation_projects p on p.id = m.project_id
  join public.project_stages s on s.code = m.stage;
grant select on public.milestone_schedule to anon, authenticated, service_role;

-- Per community: LATE when a milestone planned (current plan) before the status date has not
-- happened; re-planning with a reason ends that, but not the delay, which is measured against
-- the baseline at the project's current position: the first pending milestone's delay when
-- its baseline has passed, else the last one that happened (never below zero: ahead of
-- plan is no delay). Null without any baseline to measure against.
create or replace view public.community_schedule with (security_invoker = true) as
  select p.community_id, p.id as project_id, p.status_as_of,
         coalesce(bool_or(ms.overdue), false) as late,
         -- greatest() skips nulls, so the null case is kept apart.
         (select case when d.days is null then null else greatest(0, d.days) end
          from (select coalesce(
           (select ms2.delay_days from public.milestone_schedule ms2
            where ms2.project_id = p.id and ms2.actual_on is null and ms2.delay_days is not null
            order by ms2.ordinal limit 1),
           (select ms3.delay_days from public.milestone_schedule ms3
            where ms3.project_id = p.id and ms3.actual_on is not null and ms3.delay_days is not null
            order by ms3.ordinal desc limit 1)) as days) d) as delay_days
  from public.renovation_projects p
  left join public.milestone_schedule ms on ms.project_id = p.id
  group by p.community_id, p.id, p.status_as_of;
grant select on public.community_schedule to anon, authenticated, service_role;
