-- The renovation project of each community and its progress through the workflow of
-- DOMAIN.md §6: preparation, approval, tendering, construction, acceptance, archiving.

-- One project per community (一小区一策), at one stage at a time.
create table if not exists public.renovation_projects (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null unique references public.communities (id) on delete cascade,
  stage text not null
    check (stage in ('preparation', 'approval', 'tendering', 'construction', 'acceptance', 'archived')),
  implementing_body text,                                  -- the 镇办 that implements it
  status_as_of date not null,                              -- the date the stage was reported
  is_demo boolean not null default false,
  updated_at timestamptz not null default now()
);
create index if not exists renovation_projects_stage_idx on public.renovation_projects (stage);

-- When a project enters each stage: the plan and, once it happened, the fact.
create table if not exists public.project_milestones (
  project_id uuid not null references public.renovation_projects (id) on delete cascade,
  stage text not null
    check (stage in ('preparation', 'approval', 'tendering', 'construction', 'acceptance', 'archived')),
  planned_on date,
  actual_on date,
  primary key (project_id, stage)
);

-- Whether a project's community is public.
create or replace function private.project_is_published(target uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.renovation_projects p
    join public.communities c on c.id = p.community_id
    where p.id = target and c.published
  )
$$;
revoke execute on function private.project_is_published(uuid) from public;
grant execute on function private.project_is_published(uuid) to anon, authenticated, service_role;

alter table public.renovation_projects enable row level security;
alter table public.project_milestones enable row level security;

grant select on public.renovation_projects, public.project_milestones to anon, authenticated;
grant insert, update, delete on public.renovation_projects, public.project_milestones to authenticated;
grant all on public.renovation_projects, public.project_milestones to service_role;

drop policy if exists "The public can read projects of published communities" on public.renovation_projects;
create policy "The public can read projects of published communities" on public.renovation_projects
  for select to anon using (private.community_is_published(community_id));
drop policy if exists "Users see projects of published communities, planners all" on public.renovation_projects;
create policy "Users see projects of published communities, planners all" on public.renovation_projects
  for select to authenticated
  using ((select private.is_planner()) or private.community_is_published(community_id));
drop policy if exists "Planners can add projects" on public.renovation_projects;
create policy "Planners can add projects" on public.renovation_projects
  for insert to authenticated with check ((select private.is_planner()));
drop policy if exists "Planners can change projects" on public.renovation_projects;
create policy "Planners can change projects" on public.renovation_projects
  for update to authenticated
  using ((select private.is_planner())) with check ((select private.is_planner()));
drop policy if exists "Planners can remove projects" on public.renovation_projects;
create policy "Planners can remove projects" on public.renovation_projects
  for delete to authenticated using ((select private.is_planner()));

drop policy if exists "The public can read milestones of published projects" on public.project_milestones;
create policy "The public can read milestones of published projects" on public.project_milestones
  for select to anon using (private.project_is_published(project_id));
drop policy if exists "Users see milestones of published projects, planners all" on public.project_milestones;
create policy "Users see milestones of published projects, planners all" on public.project_milestones
  for select to authenticated
  using ((select private.is_planner()) or private.project_is_published(project_id));
drop policy if exists "Planners can add milestones" on public.project_milestones;
create policy "Planners can add milestones" on public.project_milestones
  for insert to authenticated with check ((select private.is_planner()));
drop policy if exists "Planners can change milestones" on public.project_milestones;
create policy "Planners can change milestones" on public.project_milestones
  for update to authenticated
  using ((select private.is_planner())) with check ((select private.is_planner()));
drop policy if exists "Planners can remove milestones" on public.project_milestones;
create policy "Planners can remove milestones" on public.project_milestones
  for delete to authenticated using ((select private.is_planner()));
