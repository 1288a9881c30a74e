-- The role table of DOMAIN.md §7 as policies, one per operation and role. A child row is
-- visible when its parent is: `exists (select 1 from <parent> where <parent>.id = <child's
-- key>)`, the subquery itself under the parent's policy, which PostgreSQL runs as an index
-- probe per row it has already narrowed down, or as one hashed scan when it expects many.
-- (`<key> in (select <parent>.id …)` would scan and hash the whole parent table on every
-- query: every published community for one map tile.) The claims are read once per statement
-- (`(select private.…())`). `npm run bench`, part (f), measures the difference: the functions
-- of the first schema, called once per row, made an anonymous map tile over 100,000
-- buildings 180–360 times slower than the table owner's.

-- Communities -----------------------------------------------------------------------------
drop policy if exists "Users see published communities, planners all" on public.communities;
drop policy if exists "Planners can change communities" on public.communities;

drop policy if exists "The public can read published communities" on public.communities;
create policy "The public can read published communities" on public.communities
  for select to anon using (published);
drop policy if exists "Staff read published communities, their own and, by role, all" on public.communities;
create policy "Staff read published communities, their own and, by role, all" on public.communities
  for select to authenticated
  using (published or (select private.reads_everything())
         or array[subdistrict_code] <@ (select private.editor_subdistricts()));
drop policy if exists "Planners can add communities" on public.communities;
create policy "Planners can add communities" on public.communities
  for insert to authenticated with check ((select private.is_planner()));
drop policy if exists "Planners change communities, editors their own" on public.communities;
create policy "Planners change communities, editors their own" on public.communities
  for update to authenticated
  using ((select private.is_planner()) or array[subdistrict_code] <@ (select private.editor_subdistricts()))
  with check ((select private.is_planner()) or array[subdistrict_code] <@ (select private.editor_subdistricts()));
drop policy if exists "Planners can remove communities" on public.communities;
create policy "Planners can remove communities" on public.communities
  for delete to authenticated using ((select private.is_planner()));

-- Buildings -------------------------------------------------------------------------------
drop policy if exists "Users see buildings of published communities, planners all" on public.buildings;
drop policy if exists "Planners can change buildings" on public.buildings;

drop policy if exists "The public can read buildings of published communities" on public.buildings;
create policy "The public can read buildings of published communities" on public.buildings
  for select to anon
  using (exists (select 1 from public.communities c where c.id = buildings.community_id and c.published));
drop policy if exists "Staff read the buildings of the communities they see" on public.buildings;
create policy "Staff read the buildings of the communities they see" on public.buildings
  for select to authenticated
  using ((select private.reads_everything()) or exists (select 1 from public.communities c where c.id = buildings.community_id));
drop policy if exists "Planners can add buildings" on public.buildings;
create policy "Planners can add buildings" on public.buildings
  for insert to authenticated with check ((select private.is_planner()));
drop policy if exists "Planners change buildings, editors their own" on public.buildings;
create policy "Planners change buildings, editors their own" on public.buildings
  for update to authenticated
  using ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = buildings.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())))
  with check ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = buildings.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
drop policy if exists "Planners can remove buildings" on public.buildings;
create policy "Planners can remove buildings" on public.buildings
  for delete to authenticated using ((select private.is_planner()));

-- Projects --------------------------------------------------------------------------------
drop policy if exists "Users see projects of published communities, planners all" on public.renovation_projects;
drop policy if exists "Planners can change projects" on public.renovation_projects;

drop policy if exists "The public can read projects of published communities" on public.renovation_projects;
create policy "The public can read projects of published communities" on public.renovation_projects
  for select to anon
  using (exists (select 1 from public.communities c where c.id = renovation_projects.community_id and c.published));
drop policy if exists "Staff read the projects of the communities they see" on public.renovation_projects;
create policy "Staff read the projects of the communities they see" on public.renovation_projects
  for select to authenticated
  using ((select private.reads_everything())
         or exists (select 1 from public.communities c where c.id = renovation_projects.community_id));
drop policy if exists "Planners can add projects" on public.renovation_projects;
create policy "Planners can add projects" on public.renovation_projects
  for insert to authenticated with check ((select private.is_planner()));
drop policy if exists "Planners change projects, editors their own" on public.renovation_projects;
create policy "Planners change projects, editors their own" on public.renovation_projects
  for update to authenticated
  using ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = renovation_projects.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())))
  with check ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = renovation_projects.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
drop policy if exists "Planners can remove projects" on public.renovation_projects;
create policy "Planners can remove projects" on public.renovation_projects
  for delete to authenticated using ((select private.is_planner()));

-- Milestones: an editor records the planned and actual dates of its own projects ------------
drop policy if exists "Users see milestones of published projects, planners all" on public.project_milestones;
drop policy if exists "Planners can add milestones" on public.project_milestones;
drop policy if exists "Planners can change milestones" on public.project_milestones;

drop policy if exists "The public can read milestones of published projects" on public.project_milestones;
create policy "The public can read milestones of published projects" on public.project_milestones
  for select to anon
  using (exists (
    select 1 from public.renovation_projects p join public.communities c on c.id = p.community_id
    where p.id = project_milestones.project_id and c.published));
drop policy if exists "Staff read the milestones of the projects they see" on public.project_milestones;
create policy "Staff read the milestones of the projects they see" on public.project_milestones
  for select to authenticated
  using ((select private.reads_everything())
         or exists (select 1 from public.renovation_projects p where p.id = project_milestones.project_id));
drop policy if exists "Planners add milestones, editors to their own projects" on public.project_milestones;
create policy "Planners add milestones, editors to their own projects" on public.project_milestones
  for insert to authenticated
  with check ((select private.is_planner()) or exists (
    select 1 from public.renovation_projects p join public.communities c on c.id = p.community_id
    where p.id = project_milestones.project_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
drop policy if exists "Planners change milestones, editors their own" on public.project_milestones;
create policy "Planners change milestones, editors their own" on public.project_milestones
  for update to authenticated
  using ((select private.is_planner()) or exists (
    select 1 from public.renovation_projects p join public.communities c on c.id = p.community_id
    where p.id = project_milestones.project_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())))
  with check ((select private.is_planner()) or exists (
    select 1 from public.renovation_projects p join public.communities c on c.id = p.community_id
    where p.id = project_milestones.project_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
drop policy if exists "Planners can remove milestones" on public.project_milestones;
create policy "Planners can remove milestones" on public.project_milestones
  for delete to authenticated using ((select private.is_planner()));

-- The per-row helpers the policies above replaced.
drop function if exists private.community_is_published(uuid);
drop function if exists private.project_is_published(uuid);
