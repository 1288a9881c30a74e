-- Accounts for the embedded default and a plain PostgreSQL, where there is no Supabase Auth.
-- On a Supabase project these tables stay empty. They live in their own schema, which the
-- Data API does not expose and only service_role may use: password hashes and session
-- tokens are nobody else's business. The server's sign-in module is their only reader.

create schema if not exists accounts;
revoke all on schema accounts from public;
grant usage on schema accounts to service_role;

-- A local account; password_hash is scrypt in PHC form ($scrypt$ln=…,r=…,p=…$salt$hash).
create table if not exists accounts.users (
  id uuid primary key default gen_random_uuid(),
  email text not null unique check (email = lower(email)),
  password_hash text not null check (password_hash like '$scrypt$%'),
  created_at timestamptz not null default now(),
  password_changed_at timestamptz not null default now()
);

-- A signed-in browser. Only the SHA-256 of the cookie's token is kept, so a copy of this
-- table opens no session.
create table if not exists accounts.sessions (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid not null references accounts.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  client text
);
create index if not exists sessions_user_id_idx on accounts.sessions (user_id);
create index if not exists sessions_expires_at_idx on accounts.sessions (expires_at);

-- Failed sign-ins, counted per account and per client to slow down guessing.
create table if not exists accounts.sign_in_failures (
  id bigint generated always as identity primary key,
  email text not null,
  client text not null,
  at timestamptz not null default now()
);
create index if not exists sign_in_failures_email_at_idx on accounts.sign_in_failures (email, at);
create index if not exists sign_in_failures_client_at_idx on accounts.sign_in_failures (client, at);

alter table accounts.users enable row level security;
alter table accounts.sessions enable row level security;
alter table accounts.sign_in_failures enable row level security;
revoke all on accounts.users, accounts.sessions, accounts.sign_in_failures from public, anon, authenticated;
grant all on accounts.users, accounts.sessions, accounts.sign_in_failures to service_role;

-- An admin creates a member's local account in the same transaction as the staff row, with
-- the admin's own rights: the database, not the server, decides that only admins may.
create or replace function private.create_local_account(user_id uuid, email text, password_hash text)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if not private.is_admin() then
    raise exception 'only admins create accounts' using errcode = '42501';
  end if;
  insert into accounts.users (id, email, password_hash)
  values (create_local_account.user_id, lower(create_local_account.email), create_local_account.password_hash);
end
$$;

-- A new password (set by an admin, or by the member for themselves) ends every session.
create or replace function private.set_local_password(user_id uuid, password_hash text)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if not (private.is_admin() or set_local_password.user_id = auth.uid()) then
    raise exception 'only admins change other members'' passwords' using errcode = '42501';
  end if;
  update accounts.users u
  set password_hash = set_local_password.password_hash, password_changed_at = now()
  where u.id = set_local_password.user_id;
  delete from accounts.sessions s where s.user_id = set_local_password.user_id;
end
$$;

revoke execute on function private.create_local_account(uuid, text, text), private.set_local_password(uuid, text)
  from public, anon, authenticated;
grant execute on function private.create_local_account(uuid, text, text), private.set_local_password(uuid, text)
  to authenticated, service_role;

-- Disabling or removing a member signs them out everywhere at once.
create or replace function private.end_sessions_of_disabled_staff() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    delete from accounts.sessions s where s.user_id = old.user_id;
    return old;
  end if;
  if new.disabled_at is not null then
    delete from accounts.sessions s where s.user_id = new.user_id;
  end if;
  return new;
end
$$;
revoke execute on function private.end_sessions_of_disabled_staff() from public;
drop trigger if exists staff_disabled_ends_sessions on public.staff;
create trigger staff_disabled_ends_sessions after update of disabled_at or delete on public.staff
  for each row execute function private.end_sessions_of_disabled_staff();
