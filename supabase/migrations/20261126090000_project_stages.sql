-- The workflow's stages (DOMAIN.md §6) as one table that both SQL and the app read: the
-- generated TypeScript (npm run db:types) takes its stage list from here, and projects and
-- milestones refer to it instead of repeating the list in check constraints.

create table if not exists public.project_stages (
  code text primary key,
  ordinal smallint not null unique,
  name_zh text not null
);
insert into public.project_stages (code, ordinal, name_zh) values
  ('preparation', 1, '项目准备'),
  ('approval', 2, '立项'),
  ('tendering', 3, '招投标'),
  ('construction', 4, '工程实施'),
  ('acceptance', 5, '工程验收'),
  ('archived', 6, '竣工归档')
on conflict (code) do nothing;

alter table public.project_stages enable row level security;
grant select on public.project_stages to anon, authenticated;
grant all on public.project_stages to service_role;
drop policy if exists "Anyone can read the stages" on public.project_stages;
create policy "Anyone can read the stages" on public.project_stages
  for select to anon, authenticated using (true);

-- The check constraints of the first schema gave way to references.
alter table public.renovation_projects drop constraint if exists renovation_projects_stage_check;
alter table public.project_milestones drop constraint if exists project_milestones_stage_check;
do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'renovation_projects_stage_fkey') then
    alter table public.renovation_projects
      add constraint renovation_projects_stage_fkey foreign key (stage) references public.project_stages (code);
  end if;
  if not exists (select 1 from pg_constraint where conname = 'project_milestones_stage_fkey') then
    alter table public.project_milestones
      add constraint project_milestones_stage_fkey foreign key (stage) references public.project_stages (code);
  end if;
end
$$;

-- Removing or renaming a stage checks the milestones that refer to it; the primary key
-- (project_id, stage) does not serve a lookup by stage.
create index if not exists project_milestones_stage_idx on public.project_milestones (stage);
