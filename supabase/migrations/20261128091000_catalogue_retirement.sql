-- Planners keep the renovation catalogue (DOMAIN.md §4) up to date. An item that plans use
-- cannot be removed (plan_items.catalogue_code refers to it, so the database refuses), and
-- is retired instead: no longer offered for new plan items, while the plans that have it
-- keep it with its name, class and funding verdict.
alter table public.renovation_catalogue add column if not exists retired_at timestamptz;

-- A plan item may not newly take up a retired item: when added, or when switched to it.
-- A plan item that already has one keeps it through every save, and a renamed code that
-- reaches the plan items through `on update cascade` is not a switch (the old code is gone).
-- Security definer: the catalogue is public, but the check must not depend on the caller.
create or replace function private.refuse_retired_catalogue_item() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and (new.catalogue_code = old.catalogue_code
      or not exists (select 1 from public.renovation_catalogue k where k.code = old.catalogue_code)) then
    return new;
  end if;
  if exists (select 1 from public.renovation_catalogue k where k.code = new.catalogue_code and k.retired_at is not null) then
    raise exception 'catalogue item % is retired', new.catalogue_code
      using errcode = '23514', constraint = 'plan_items_catalogue_code_check', table = 'plan_items';
  end if;
  return new;
end
$$;
revoke execute on function private.refuse_retired_catalogue_item() from public;

drop trigger if exists plan_items_current_catalogue on public.plan_items;
create trigger plan_items_current_catalogue before insert or update on public.plan_items
  for each row execute function private.refuse_retired_catalogue_item();
