-- The map page asks for the first day of the record on every load. Taken as one minimum
-- over all entries of the replayed tables, that read the whole record each time; the
-- earliest entry of each table, found through an index on (table_name, at), is one index
-- probe per table however long the record grows.
create index if not exists audit_log_table_at_idx on public.audit_log (table_name, at);

create or replace function private.record_began() returns date
language sql stable security definer set search_path = ''
as $$
  select (least(
    (select min(a.at) from public.audit_log a where a.table_name = 'communities'),
    (select min(a.at) from public.audit_log a where a.table_name = 'buildings'),
    (select min(a.at) from public.audit_log a where a.table_name = 'renovation_projects'),
    (select min(a.at) from public.audit_log a where a.table_name = 'project_milestones'),
    (select min(a.at) from public.audit_log a where a.table_name = 'plan_items')
  ) at time zone 'Asia/Shanghai')::date
$$;
revoke execute on function private.record_began() from public;
grant execute on function private.record_began() to anon, authenticated, service_role;
