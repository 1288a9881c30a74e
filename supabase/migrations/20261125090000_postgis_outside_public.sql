-- PostGIS belongs in the `extensions` schema (see the first migration). A database created
-- before that change has it in public, where PostGIS cannot be moved from (its functions
-- name their schema), so say so plainly instead of failing later in an obscure way.
do $$
begin
  if exists (
    select 1 from pg_extension where extname = 'postgis' and extnamespace = 'public'::regnamespace
  ) then
    raise exception 'PostGIS is installed in schema public; this database predates the move to schema extensions'
      using hint = 'Recreate the database and migrate it again. The embedded default keeps only generated demo data: '
                   'stop the app, delete its folder (./data/pglite unless PGLITE_DATA_DIR says otherwise) and start again.';
  end if;
end
$$;
