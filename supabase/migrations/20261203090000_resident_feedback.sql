-- Residents' say (共谋共建共管共评, DOMAIN.md §3): before renovation they suggest, after
-- completion they rate their satisfaction. No account is needed and nothing about the
-- resident is kept: the table has no name, phone or address column, and the per-client rate
-- limit keeps only a keyed hash of the client's address, apart, for a day. Nothing is public
-- before a planner or the community's editor has approved it.

create table if not exists public.feedback (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null references public.communities (id) on delete cascade,
  kind text not null check (kind in ('suggestion', 'rating')),
  rating smallint check (rating between 1 and 5),
  -- Blank is blank in either script: spaces, line breaks and the ideographic space (U+3000).
  comment text check (length(comment) <= 500 and length(btrim(comment, E' \t\r\n\u3000')) > 0),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  -- The day only, in China's time: the public learns no time of day that could tell who wrote it.
  submitted_on date not null default (now() at time zone 'Asia/Shanghai')::date,
  created_at timestamptz not null default now(),
  moderated_by uuid,                                            -- the staff member's user id
  moderated_at timestamptz,
  -- A rating is a number of stars with an optional comment; a suggestion is its text.
  constraint feedback_rating_by_kind check ((kind = 'rating') = (rating is not null)),
  constraint feedback_comment_required check (kind <> 'suggestion' or comment is not null),
  constraint feedback_moderated_check check ((status = 'pending') = (moderated_at is null))
);
create index if not exists feedback_community_id_idx on public.feedback (community_id, status);

-- Suggestions are asked for while the plan can still change, ratings once there is something
-- to rate: "completed" is acceptance or later, as the dashboard counts it (project_stages'
-- order). A community without a project yet is not completed. Security definer: the rule
-- holds whoever inserts, and reads the project of a community the caller may not see.
create or replace function private.check_feedback_stage() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  completed boolean;
begin
  select s.ordinal >= (select a.ordinal from public.project_stages a where a.code = 'acceptance') into completed
  from public.renovation_projects p join public.project_stages s on s.code = p.stage
  where p.community_id = new.community_id;
  if new.kind = 'suggestion' and coalesce(completed, false) then
    raise exception 'suggestions are taken before the renovation is completed; rate it instead'
      using errcode = '55000', hint = 'feedback_suggestions_closed', table = 'feedback';
  end if;
  if new.kind = 'rating' and not coalesce(completed, false) then
    raise exception 'ratings are taken once the renovation is completed'
      using errcode = '55000', hint = 'feedback_ratings_not_open', table = 'feedback';
  end if;
  return new;
end
$$;
revoke execute on function private.check_feedback_stage() from public;
drop trigger if exists feedback_check_stage on public.feedback;
create trigger feedback_check_stage before insert or update of community_id, kind on public.feedback
  for each row execute function private.check_feedback_stage();

-- Who moderated and when are the database's to say, never the client's.
create or replace function private.stamp_moderation() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.status is distinct from old.status then
    new.moderated_by := case when new.status = 'pending' then null else auth.uid() end;
    new.moderated_at := case when new.status = 'pending' then null else now() end;
  else
    new.moderated_by := old.moderated_by;
    new.moderated_at := old.moderated_at;
  end if;
  return new;
end
$$;
revoke execute on function private.stamp_moderation() from public;
drop trigger if exists feedback_stamp_moderation on public.feedback;
create trigger feedback_stamp_moderation before update on public.feedback
  for each row execute function private.stamp_moderation();

-- Moderation goes on the record. Submissions do not: they are the residents' words, not a
-- change to planning data, and the record is append-only (a comment removed with its
-- community must not live on there).
drop trigger if exists feedback_record_change on public.feedback;
create trigger feedback_record_change after update on public.feedback
  for each row execute function private.record_change('community_id');

alter table public.feedback enable row level security;
revoke all on public.feedback from public, anon, authenticated, service_role;
-- The public may read the words, stars and day of approved feedback; never who moderated
-- it or when, nor the exact time. Nobody writes it directly but service_role: residents
-- submit through private.submit_feedback, staff change only its status.
grant select (id, community_id, kind, rating, comment, status, submitted_on) on public.feedback to anon;
grant select on public.feedback to authenticated;
grant update (status) on public.feedback to authenticated;
grant all on public.feedback to service_role;

drop policy if exists "The public reads approved feedback of published communities" on public.feedback;
create policy "The public reads approved feedback of published communities" on public.feedback
  for select to anon
  using (status = 'approved' and exists (select 1 from public.communities c where c.id = feedback.community_id and c.published));
drop policy if exists "Staff read approved feedback, the bureau and editors also the rest" on public.feedback;
create policy "Staff read approved feedback, the bureau and editors also the rest" on public.feedback
  for select to authenticated
  using ((select private.reads_everything())
         or (status = 'approved' and exists (select 1 from public.communities c where c.id = feedback.community_id))
         or exists (
           select 1 from public.communities c
           where c.id = feedback.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));
-- Planners moderate everything, a sub-district office its own communities (DOMAIN.md §6).
drop policy if exists "Planners moderate feedback, editors their communities'" on public.feedback;
create policy "Planners moderate feedback, editors their communities'" on public.feedback
  for update to authenticated
  using ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = feedback.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())))
  with check ((select private.is_planner()) or exists (
    select 1 from public.communities c
    where c.id = feedback.community_id and array[c.subdistrict_code] <@ (select private.editor_subdistricts())));

-- Recent submissions per client, for the rate limit only: the key is an HMAC-SHA256 of the
-- client's address under a server secret (src/lib/server/feedback/client-key.ts), so the
-- address itself never reaches the database; rows older than a day are pruned on each
-- submission. No API role may touch it.
create table if not exists private.feedback_clients (
  id bigint generated always as identity primary key,
  client_key text not null check (client_key ~ '^[0-9a-f]{64}$'),
  submitted_at timestamptz not null default now()
);
create index if not exists feedback_clients_key_idx on private.feedback_clients (client_key, submitted_at);
create index if not exists feedback_clients_at_idx on private.feedback_clients (submitted_at);
alter table private.feedback_clients enable row level security;
revoke all on private.feedback_clients from public, anon, authenticated, service_role;

-- A resident's submission: checks the input, applies the rate limit (at most 3 in ten
-- minutes and 20 in a day per client key) and stores the feedback as pending. Security
-- definer: the public has no insert grant on either table. Refusals:
--   PT429  rate limit (PostgREST answers it as HTTP 429; the detail is the seconds to wait)
--   P0002  no published community with that code
--   22023  a malformed client key or input (the app validates first; this is the last word)
--   55000  the stage rule (check_feedback_stage), 23514 the table's checks
create or replace function private.submit_feedback(client_key text, community_code text, kind text, rating integer, comment text)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  community uuid;
  text_given text := nullif(btrim(comment, E' \t\r\n\u3000'), '');
  in_window integer;
  in_day integer;
  wait_s integer;
  created uuid;
begin
  if client_key is null or client_key !~ '^[0-9a-f]{64}$' then
    raise exception 'the client key must be a hex HMAC-SHA256' using errcode = '22023';
  end if;
  if kind is null or kind not in ('suggestion', 'rating') then
    raise exception 'feedback is a suggestion or a rating' using errcode = '22023';
  end if;
  select c.id into community from public.communities c where c.code = community_code and c.published;
  if community is null then
    raise exception 'no published community %', community_code using errcode = 'P0002';
  end if;

  -- One submission per key at a time, so two at once cannot both slip under the limit.
  perform pg_advisory_xact_lock(hashtextextended('feedback:' || client_key, 0));
  delete from private.feedback_clients f where f.submitted_at < now() - interval '1 day';
  select count(*) filter (where f.submitted_at > now() - interval '10 minutes'), count(*)
    into in_window, in_day
  from private.feedback_clients f where f.client_key = submit_feedback.client_key;
  if in_window >= 3 or in_day >= 20 then
    select ceil(extract(epoch from greatest(
             case when in_window >= 3 then
               (select min(f.submitted_at) from private.feedback_clients f
                where f.client_key = submit_feedback.client_key and f.submitted_at > now() - interval '10 minutes') + interval '10 minutes' - now() end,
             case when in_day >= 20 then
               (select min(f.submitted_at) from private.feedback_clients f
                where f.client_key = submit_feedback.client_key) + interval '1 day' - now() end)))::integer
      into wait_s;
    raise exception 'too many submissions from this client; try again later'
      using errcode = 'PT429', detail = greatest(coalesce(wait_s, 60), 1)::text;
  end if;

  insert into public.feedback (community_id, kind, rating, comment)
  values (community, kind, case when kind = 'rating' then rating end, text_given)
  returning id into created;
  insert into private.feedback_clients (client_key) values (submit_feedback.client_key);
  return created;
end
$$;
revoke execute on function private.submit_feedback(text, text, text, integer, text) from public;
grant execute on function private.submit_feedback(text, text, text, integer, text) to anon, authenticated, service_role;

-- Approved feedback as the public sees it: the community, the kind, the stars, the words
-- and the day. As its caller: staff read the same approved rows through it.
create or replace view public.published_feedback with (security_invoker = true) as
select f.id, f.community_id, c.code as community_code, f.kind, f.rating, f.comment, f.submitted_on
from public.feedback f
join public.communities c on c.id = f.community_id
where f.status = 'approved';

-- Per community the caller sees: approved suggestions and ratings, the average satisfaction
-- (1–5, two decimals; null without ratings), and for staff the feedback still waiting for
-- moderation. The public may not read the pending column at all (column grant), so its
-- figures are only ever approved ones.
create or replace view public.feedback_summary with (security_invoker = true) as
select c.id as community_id,
       c.code as community_code,
       (count(f.id) filter (where f.status = 'approved' and f.kind = 'suggestion'))::integer as suggestions,
       (count(f.id) filter (where f.status = 'approved' and f.kind = 'rating'))::integer as ratings,
       round(avg(f.rating) filter (where f.status = 'approved' and f.kind = 'rating'), 2)::numeric as average_rating,
       (count(f.id) filter (where f.status = 'pending'))::integer as pending
from public.communities c
left join public.feedback f on f.community_id = c.id
group by c.id, c.code;

revoke all on public.published_feedback, public.feedback_summary from public, anon, authenticated;
grant select on public.published_feedback to anon, authenticated, service_role;
grant select (community_id, community_code, suggestions, ratings, average_rating) on public.feedback_summary to anon;
grant select on public.feedback_summary to authenticated, service_role;
