-- Every change of a milestone's planned date carries a reason (issue 7: "re-planning a
-- milestone keeps the original date and records a reason"). Until now only the re-plan form
-- gave one; the progress form could move a planned date with none, and the history recorded
-- "no reason given". Now the database refuses such a change, whichever form or tool makes it:
-- the reason comes, as before, from the transaction's setting atlas.replan_reason, which
-- private.record_replan() copies into public.milestone_replans. The first planned date of a
-- milestone (from none) is planning, not re-planning, and needs none. Re-plans recorded
-- before this migration may keep a null reason; the panel still says so for them.
create or replace function private.require_replan_reason() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if nullif(btrim(coalesce(current_setting('atlas.replan_reason', true), '')), '') is null then
    raise exception 'a change of the planned date of a milestone needs a reason (set atlas.replan_reason)'
      using errcode = '23514', constraint = 'replan_reason_required',
            schema = 'public', table = 'project_milestones', column = 'planned_on',
            detail = format('%s: %s -> %s', new.stage, old.planned_on, new.planned_on);
  end if;
  return new;
end
$$;
revoke execute on function private.require_replan_reason() from public;

-- Before the row is written, so a refused change leaves nothing behind; the same condition
-- as the trigger that records the re-plan.
drop trigger if exists project_milestones_require_replan_reason on public.project_milestones;
create trigger project_milestones_require_replan_reason before update of planned_on on public.project_milestones
  for each row when (old.planned_on is not null and old.planned_on is distinct from new.planned_on)
  execute function private.require_replan_reason();
