-- Every editable row carries a version, raised by the database on each update, so a save
-- made over a newer version than the one the user loaded can be refused ("no silent
-- overwrite"): the app updates `where version = <the version it showed>`.

alter table public.communities add column if not exists version integer not null default 1;
alter table public.buildings add column if not exists version integer not null default 1;
alter table public.renovation_projects add column if not exists version integer not null default 1;

create or replace function private.next_version() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.version := old.version + 1;
  new.updated_at := now();
  return new;
end
$$;
revoke execute on function private.next_version() from public;

drop trigger if exists communities_next_version on public.communities;
create trigger communities_next_version before update on public.communities
  for each row execute function private.next_version();
drop trigger if exists buildings_next_version on public.buildings;
create trigger buildings_next_version before update on public.buildings
  for each row execute function private.next_version();
drop trigger if exists renovation_projects_next_version on public.renovation_projects;
create trigger renovation_projects_next_version before update on public.renovation_projects
  for each row execute function private.next_version();
drop trigger if exists staff_next_version on public.staff;
create trigger staff_next_version before update on public.staff
  for each row execute function private.next_version();

-- Editors (镇办) keep facts and progress up to date; what places a row, names it in the
-- programme or publishes it stays with the bureau. Row-level security cannot tell columns
-- apart, so a trigger refuses an editor's change to the columns named as its arguments.
create or replace function private.keep_columns_from_editors() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  col text;
begin
  if private.app_role() <> 'editor' then
    return new;
  end if;
  foreach col in array tg_argv loop
    if (to_jsonb(old) -> col) is distinct from (to_jsonb(new) -> col) then
      raise exception 'editors may not change %.%', tg_table_name, col
        using errcode = '42501', hint = 'The district housing bureau changes this.';
    end if;
  end loop;
  return new;
end
$$;
revoke execute on function private.keep_columns_from_editors() from public;

drop trigger if exists communities_keep_columns_from_editors on public.communities;
create trigger communities_keep_columns_from_editors before update on public.communities
  for each row execute function private.keep_columns_from_editors(
    'id', 'code', 'subdistrict_code', 'boundary', 'batch_year', 'is_demo', 'published');
drop trigger if exists buildings_keep_columns_from_editors on public.buildings;
create trigger buildings_keep_columns_from_editors before update on public.buildings
  for each row execute function private.keep_columns_from_editors(
    'id', 'community_id', 'code', 'footprint', 'is_demo');
drop trigger if exists renovation_projects_keep_columns_from_editors on public.renovation_projects;
create trigger renovation_projects_keep_columns_from_editors before update on public.renovation_projects
  for each row execute function private.keep_columns_from_editors('id', 'community_id', 'is_demo');
drop trigger if exists project_milestones_keep_columns_from_editors on public.project_milestones;
create trigger project_milestones_keep_columns_from_editors before update on public.project_milestones
  for each row execute function private.keep_columns_from_editors('project_id', 'stage');
