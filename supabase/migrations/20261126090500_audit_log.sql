-- The record (审计) of every change to planning data and to staff, written by the database
-- itself in the same transaction as the change, so no code path can forget it and a
-- rolled-back change leaves no trace. Append-only for everyone the app or the API acts as.

create table if not exists public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),                       -- the transaction's time
  transaction_id bigint not null default txid_current(),
  table_name text not null,
  row_id text not null,
  action text not null check (action in ('insert', 'update', 'delete')),
  actor_id uuid,                                                -- the claims' sub; null for migrations and jobs
  actor_name text,                                              -- as the staff list named them then
  actor_role text,                                              -- their app role then
  community_id uuid,                                            -- the community the row belongs to
  subdistrict_code text,                                        -- …and its sub-district, for editors' reading
  old_values jsonb,                                             -- the whole row, or the changed fields on update
  new_values jsonb
);
create index if not exists audit_log_community_id_idx on public.audit_log (community_id, id);
create index if not exists audit_log_row_idx on public.audit_log (table_name, row_id, id);

-- Records one change. The argument says how a row finds its community: 'self' (a
-- community), 'community_id' (its column) or 'project_id' (through the project).
create or replace function private.record_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  the_row jsonb := coalesce(new_row, old_row);
  key text;
  community uuid;
  subdistrict text;
  actor uuid := auth.uid();
  name text;
  role text;
begin
  if tg_op = 'UPDATE' then
    -- Only what changed; the version and time of the change are the entry itself.
    select jsonb_object_agg(o.key, o.value), jsonb_object_agg(o.key, new_row -> o.key)
      into old_row, new_row
    from jsonb_each(old_row) o
    where o.value is distinct from new_row -> o.key and o.key not in ('version', 'updated_at');
    if old_row is null then
      return null;                                              -- nothing but the version moved
    end if;
  end if;

  key := case tg_table_name
    when 'project_milestones' then (the_row ->> 'project_id') || '/' || (the_row ->> 'stage')
    when 'staff' then the_row ->> 'user_id'
    else the_row ->> 'id'
  end;
  case tg_argv[0]
    when 'self' then community := (the_row ->> 'id')::uuid;
    when 'community_id' then community := (the_row ->> 'community_id')::uuid;
    when 'project_id' then
      select p.community_id into community from public.renovation_projects p where p.id = (the_row ->> 'project_id')::uuid;
    else community := null;
  end case;
  if tg_argv[0] = 'self' then
    subdistrict := the_row ->> 'subdistrict_code';
  elsif community is not null then
    select c.subdistrict_code into subdistrict from public.communities c where c.id = community;
  end if;
  if actor is not null then
    select s.display_name, s.app_role into name, role from public.staff s where s.user_id = actor;
  end if;

  insert into public.audit_log (table_name, row_id, action, actor_id, actor_name, actor_role,
                                community_id, subdistrict_code, old_values, new_values)
  values (tg_table_name, key, lower(tg_op), actor, name, coalesce(role, nullif(private.app_role(), '')),
          community, subdistrict, old_row, new_row);
  return null;
end
$$;
revoke execute on function private.record_change() from public;

drop trigger if exists communities_record_change on public.communities;
create trigger communities_record_change after insert or update or delete on public.communities
  for each row execute function private.record_change('self');
drop trigger if exists buildings_record_change on public.buildings;
create trigger buildings_record_change after insert or update or delete on public.buildings
  for each row execute function private.record_change('community_id');
drop trigger if exists renovation_projects_record_change on public.renovation_projects;
create trigger renovation_projects_record_change after insert or update or delete on public.renovation_projects
  for each row execute function private.record_change('community_id');
drop trigger if exists project_milestones_record_change on public.project_milestones;
create trigger project_milestones_record_change after insert or update or delete on public.project_milestones
  for each row execute function private.record_change('project_id');
drop trigger if exists renovation_targets_record_change on public.renovation_targets;
create trigger renovation_targets_record_change after insert or update or delete on public.renovation_targets
  for each row execute function private.record_change('none');
drop trigger if exists staff_record_change on public.staff;
create trigger staff_record_change after insert or update or delete on public.staff
  for each row execute function private.record_change('none');

-- Removing a community takes its buildings and project with it, and a project its milestones.
-- The foreign keys' cascade removes them only after the parent is gone, when their records
-- can no longer find its community and sub-district (so its editors could not read them and
-- the community's history would miss them). Removing them first, while the parent is still
-- there, keeps them on the record where they belong. Like the cascade, it ignores row-level
-- security: it runs only for a parent the caller was allowed to remove.
create or replace function private.remove_children_first() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_table_name = 'communities' then
    delete from public.renovation_projects p where p.community_id = old.id;
    delete from public.buildings b where b.community_id = old.id;
  elsif tg_table_name = 'renovation_projects' then
    delete from public.project_milestones m where m.project_id = old.id;
  end if;
  return old;
end
$$;
revoke execute on function private.remove_children_first() from public;

drop trigger if exists communities_remove_children_first on public.communities;
create trigger communities_remove_children_first before delete on public.communities
  for each row execute function private.remove_children_first();
drop trigger if exists renovation_projects_remove_children_first on public.renovation_projects;
create trigger renovation_projects_remove_children_first before delete on public.renovation_projects
  for each row execute function private.remove_children_first();

-- Nobody edits history: not the API roles (no grants), not the owner by accident (triggers).
create or replace function private.refuse_audit_change() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception 'the audit log is append-only' using errcode = '42501';
end
$$;
revoke execute on function private.refuse_audit_change() from public;
drop trigger if exists audit_log_append_only on public.audit_log;
create trigger audit_log_append_only before update or delete on public.audit_log
  for each row execute function private.refuse_audit_change();
drop trigger if exists audit_log_no_truncate on public.audit_log;
create trigger audit_log_no_truncate before truncate on public.audit_log
  for each statement execute function private.refuse_audit_change();

alter table public.audit_log enable row level security;
revoke all on public.audit_log from public, anon, authenticated, service_role;
grant select on public.audit_log to authenticated, service_role;

-- Planners, leaders and admins read the whole record; editors that of their sub-districts.
drop policy if exists "Staff read the record, editors of their sub-districts" on public.audit_log;
create policy "Staff read the record, editors of their sub-districts" on public.audit_log
  for select to authenticated
  using ((select private.reads_everything()) or array[subdistrict_code] <@ (select private.editor_subdistricts()));
