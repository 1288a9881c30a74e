-- The district as it was on any past date (issue 7), rebuilt from the record of every change
-- (public.audit_log): an insert entry holds the whole row, an update entry the fields it
-- changed, a delete entry ends the row's life. Replaying a row's entries up to a moment, in
-- the order they were written, gives the row as the database held it then.
--
-- The map's queries and the views they use (progress, schedule) read, for a past moment,
-- from schema `as_of` instead of `public`: views of the same names and columns, holding the
-- rows of the moment set in the transaction's `atlas.as_of` setting. The views' twins are made from the
-- live views' own text, so "late" and "percent complete" mean the same then as now.
--
-- What the caller may see of the past is what they may see now, judged on the row then:
-- readers of everything see all; editors their sub-districts; everyone else a community that
-- was published then and has not been withdrawn since (a withdrawn community stays hidden in
-- its past too), and its buildings, project, milestones and plan items with it. Reference
-- tables (districts, sub-districts, stages, targets with their versions) are read as they are.

create schema if not exists as_of;
revoke all on schema as_of from public;
grant usage on schema as_of to anon, authenticated, service_role;

-- The moment the transaction looks at, or null for now.
create or replace function private.as_of() returns timestamptz
language sql stable set search_path = ''
as $$ select nullif(current_setting('atlas.as_of', true), '')::timestamptz $$;
revoke execute on function private.as_of() from public;
grant execute on function private.as_of() to anon, authenticated, service_role;

-- One audited table's rows as they stood at `moment`, as jsonb, keyed like the record keys
-- them. Ignores row-level security: only the functions below, which filter, may call it.
create or replace function private.replay(tbl text, moment timestamptz)
returns table (row_id text, state jsonb)
language sql stable security definer set search_path = ''
as $$
  with entries as (
    select e.id, e.row_id, e.action, e.new_values
    from public.audit_log e
    where e.table_name = tbl and e.at <= moment
  ),
  lives as (
    select l.row_id,
           max(l.id) filter (where l.action = 'insert') as born,
           max(l.id) filter (where l.action = 'delete') as ended
    from entries l
    group by l.row_id
  )
  -- Each field's last value in the row's current life: the insert's, or a later update's.
  select f.row_id, jsonb_object_agg(f.key, f.value)
  from (
    select distinct on (e.row_id, kv.key) e.row_id, kv.key, kv.value
    from entries e
    join lives l on l.row_id = e.row_id
    cross join lateral jsonb_each(e.new_values) kv
    where l.born is not null and (l.ended is null or l.ended < l.born) and e.id >= l.born
    order by e.row_id, kv.key, e.id desc
  ) f
  group by f.row_id
$$;
revoke execute on function private.replay(text, timestamptz) from public;

-- Whether the caller may see a community as it was: judged on its sub-district and
-- publication then, and on its publication now.
create or replace function private.may_read_past_community(community uuid, published_then boolean, subdistrict_then text)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select (select private.reads_everything())
      or array[subdistrict_then] <@ (select private.editor_subdistricts())
      or (published_then and not exists (select 1 from public.communities c where c.id = community and not c.published))
$$;
-- Called only by the functions below, with their owner's rights.
revoke execute on function private.may_read_past_community(uuid, boolean, text) from public;

create or replace function private.communities_as_of(moment timestamptz)
returns setof public.communities
language sql stable security definer set search_path = ''
as $$
  select r.*
  from private.replay('communities', moment) h
  cross join lateral jsonb_populate_record(null::public.communities, h.state) r
  where private.may_read_past_community(r.id, r.published, r.subdistrict_code)
$$;

create or replace function private.buildings_as_of(moment timestamptz)
returns setof public.buildings
language sql stable security definer set search_path = ''
as $$
  select r.*
  from private.replay('buildings', moment) h
  cross join lateral jsonb_populate_record(null::public.buildings, h.state) r
  where r.community_id in (select c.id from private.communities_as_of(moment) c)
$$;

create or replace function private.renovation_projects_as_of(moment timestamptz)
returns setof public.renovation_projects
language sql stable security definer set search_path = ''
as $$
  select r.*
  from private.replay('renovation_projects', moment) h
  cross join lateral jsonb_populate_record(null::public.renovation_projects, h.state) r
  where r.community_id in (select c.id from private.communities_as_of(moment) c)
$$;

create or replace function private.project_milestones_as_of(moment timestamptz)
returns setof public.project_milestones
language sql stable security definer set search_path = ''
as $$
  select r.*
  from private.replay('project_milestones', moment) h
  cross join lateral jsonb_populate_record(null::public.project_milestones, h.state) r
  where r.project_id in (select p.id from private.renovation_projects_as_of(moment) p)
$$;

create or replace function private.plan_items_as_of(moment timestamptz)
returns setof public.plan_items
language sql stable security definer set search_path = ''
as $$
  select r.*
  from private.replay('plan_items', moment) h
  cross join lateral jsonb_populate_record(null::public.plan_items, h.state) r
  where r.community_id in (select c.id from private.communities_as_of(moment) c)
$$;

-- The views of schema as_of call them as their reader; each shows only what its reader may see.
revoke execute on function private.communities_as_of(timestamptz), private.buildings_as_of(timestamptz),
  private.renovation_projects_as_of(timestamptz), private.project_milestones_as_of(timestamptz),
  private.plan_items_as_of(timestamptz) from public;
grant execute on function private.communities_as_of(timestamptz), private.buildings_as_of(timestamptz),
  private.renovation_projects_as_of(timestamptz), private.project_milestones_as_of(timestamptz),
  private.plan_items_as_of(timestamptz) to anon, authenticated, service_role;

-- (Re)makes the views of schema as_of: one per table over its function above, and one twin
-- per live view, from the live view's definition with the schema of every history-backed
-- name swapped (the names stay, so the definition's unaliased references still resolve).
-- A migration that changes one of these tables or views calls it again; a test checks the
-- twins match the live views.
create or replace function private.refresh_history_views() returns void
language plpgsql set search_path = ''
as $$
declare
  tables constant text[] := array['communities', 'buildings', 'renovation_projects', 'project_milestones', 'plan_items'];
  views constant text[] := array['milestone_schedule', 'community_schedule', 'plan_progress'];   -- dependencies first
  names constant text := '(' || array_to_string(tables || views, '|') || ')';
  name text;
  definition text;
begin
  foreach name in array array['plan_progress', 'community_schedule', 'milestone_schedule'] || tables loop
    execute format('drop view if exists as_of.%I', name);
  end loop;
  foreach name in array tables loop
    execute format('create view as_of.%I with (security_invoker = true) as select * from private.%I(private.as_of())',
                   name, name || '_as_of');
  end loop;
  foreach name in array views loop
    definition := regexp_replace(pg_get_viewdef(format('public.%I', name)::regclass),
                                 '\mpublic\.' || names || '\M', 'as_of.\1', 'g');
    execute format('create view as_of.%I with (security_invoker = true) as %s', name, definition);
  end loop;
  foreach name in array tables || views loop
    execute format('revoke all on as_of.%I from public', name);
    execute format('grant select on as_of.%I to anon, authenticated, service_role', name);
  end loop;
end
$$;
revoke execute on function private.refresh_history_views() from public;

select private.refresh_history_views();

-- Gives every row the record does not hold as alive an insert entry, as of now: rows written
-- before the record began (when this migration runs on a database with data) and rows a
-- loader wrote with the record switched off (the demo seed, after its backdated history).
create or replace function private.record_unrecorded_rows() returns void
language plpgsql security definer set search_path = ''
as $$
declare
  name text;
  key text;
  community text;
begin
  foreach name in array array['communities', 'buildings', 'renovation_projects', 'project_milestones', 'plan_items', 'funding_lines'] loop
    key := case name when 'project_milestones' then 'x.project_id::text || ''/'' || x.stage' else 'x.id::text' end;
    community := case name
      when 'communities' then 'x.id'
      when 'project_milestones' then '(select p.community_id from public.renovation_projects p where p.id = x.project_id)'
      else 'x.community_id' end;
    execute format(
      $sql$insert into public.audit_log (table_name, row_id, action, community_id, subdistrict_code, new_values)
           select %1$L, %2$s, 'insert', %3$s,
                  (select c.subdistrict_code from public.communities c where c.id = %3$s), to_jsonb(x)
           from public.%1$I x
           where %2$s not in (select r.row_id from private.replay(%1$L, now()) r)$sql$,
      name, key, community);
  end loop;
end
$$;
revoke execute on function private.record_unrecorded_rows() from public;

select private.record_unrecorded_rows();

-- The first day the record holds, for the time control's start (in the programme's zone).
create or replace function private.record_began() returns date
language sql stable security definer set search_path = ''
as $$
  select (min(a.at) at time zone 'Asia/Shanghai')::date from public.audit_log a
  where a.table_name in ('communities', 'buildings', 'renovation_projects', 'project_milestones', 'plan_items')
$$;
revoke execute on function private.record_began() from public;
grant execute on function private.record_began() to anon, authenticated, service_role;
