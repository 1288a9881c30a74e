/**
 * The rules of Supabase's security and performance advisor (splinter) that concern a schema
 * like ours, written as our own queries so they run on every backend, PGlite included.
 * Each returns one row per violation, with a line saying what and where.
 */

/** Schemas the Data API exposes (supabase/config.toml: api.schemas). */
const EXPOSED = `array['public']`;
/** Schemas whose functions and tables are ours. */
const OURS = `array['public', 'private']`;

// Policies with the roles they apply to, as names; 'public' means every role.
const POLICIES = `
  select n.nspname as schema, c.relname as table, p.polname as policy, p.polcmd as command,
         coalesce(pg_get_expr(p.polqual, p.polrelid), '') as qual,
         coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') as with_check,
         array(select case when r = 0 then 'public' else r::regrole::text end from unnest(p.polroles) r) as roles
  from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace`;

// Functions that read the caller's JWT: in a policy they must be wrapped in (select …) so
// PostgreSQL evaluates them once per statement, not once per row.
const JWT_READERS = [
	'auth.uid()',
	'auth.jwt()',
	'auth.role()',
	'current_setting(',
	'private.app_role()',
	'private.is_planner()',
	'private.reads_everything()',
	'private.is_admin()',
	'private.editor_subdistricts()'
];

/**
 * Security-definer functions that signed-in users call directly rather than through a
 * policy: each refuses inside unless the caller may (least-privilege.test.ts shows it).
 * The public has no business calling them at all.
 */
export const CALLED_DIRECTLY = [
	'private.create_local_account',
	'private.set_local_password',
	// The drawing tools' dry run (the geometry rules), for staff who may redraw the community.
	'private.check_community_boundary',
	'private.check_building_footprint'
];

/**
 * Security-definer functions everyone may call directly: the first day the record of changes
 * holds (the time control's start), which gives away nothing a row could; and a resident's
 * feedback submission, the public's only write, which validates, rate-limits and stores
 * pending feedback itself (20261203090000_resident_feedback.sql).
 */
export const ANYONE_MAY_CALL = ['private.record_began', 'private.submit_feedback'];

export interface AdvisorRule {
	name: string;
	/** splinter's number for the same rule, when it has one. */
	splinter?: string;
	sql: string;
}

export const ADVISOR_RULES: AdvisorRule[] = [
	{
		name: 'rls_disabled_in_exposed_schema',
		splinter: '0013',
		sql: `select format('%s.%s has no row-level security', n.nspname, c.relname) as detail
		      from pg_class c join pg_namespace n on n.oid = c.relnamespace
		      where c.relkind in ('r', 'p') and not c.relrowsecurity and n.nspname = any(${EXPOSED})`
	},
	{
		name: 'policy_exists_rls_disabled',
		splinter: '0007',
		sql: `select distinct format('%s.%s has policies but row-level security is off', n.nspname, c.relname) as detail
		      from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
		      where not c.relrowsecurity`
	},
	{
		name: 'rls_enabled_no_policy',
		splinter: '0008',
		sql: `select format('%s.%s has row-level security but no policy: nobody can use it', n.nspname, c.relname) as detail
		      from pg_class c join pg_namespace n on n.oid = c.relnamespace
		      where c.relkind = 'r' and c.relrowsecurity and n.nspname = any(${EXPOSED})
		        and not exists (select 1 from pg_policy p where p.polrelid = c.oid)`
	},
	{
		name: 'extension_in_public',
		splinter: '0014',
		sql: `select format('extension %s is installed in public', extname) as detail
		      from pg_extension where extnamespace = 'public'::regnamespace and extname <> 'plpgsql'`
	},
	{
		name: 'function_search_path_mutable',
		splinter: '0011',
		sql: `select format('%s.%s() has no fixed search_path', n.nspname, p.proname) as detail
		      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
		      where n.nspname = any(${OURS})
		        and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
		        and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`
	},
	...(['anon', 'authenticated'] as const).map((role) => ({
		name: `security_definer_executable_by_${role}_without_need`,
		splinter: role === 'anon' ? '0028' : '0029',
		// "Need": a policy that applies to the role calls it, or a view the role may read
		// (schema as_of: the past, filtered inside by what the caller may see); anything else
		// it could only call directly, with its owner's rights.
		sql: `with policies as (${POLICIES}),
		      readable_views as (
		        select pg_get_viewdef(c.oid) as definition
		        from pg_class c join pg_namespace n on n.oid = c.relnamespace
		        where c.relkind = 'v' and n.nspname <> all(array['pg_catalog', 'information_schema'])
		          and has_table_privilege('${role}', c.oid, 'select'))
		      select format('%s.%s(%s) runs as its owner and %s may call it, but no %s policy does',
		                    n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), '${role}', '${role}') as detail
		      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
		      where p.prosecdef and n.nspname = any(${OURS})
		        and has_function_privilege('${role}', p.oid, 'execute')
		        ${role === 'authenticated' ? `and (n.nspname || '.' || p.proname) <> all(array[${CALLED_DIRECTLY.map((f) => `'${f}'`).join(', ')}])` : ''}
		        and (n.nspname || '.' || p.proname) <> all(array[${ANYONE_MAY_CALL.map((f) => `'${f}'`).join(', ')}])
		        and not exists (
		          select 1 from policies pol
		          where (pol.roles && array['${role}', 'public'])
		            and (pol.qual || ' ' || pol.with_check) like '%' || n.nspname || '.' || p.proname || '(%')
		        and not exists (select 1 from readable_views v where v.definition like '%' || n.nspname || '.' || p.proname || '(%')`
	})),
	{
		name: 'auth_rls_initplan',
		splinter: '0003',
		sql: `with policies as (${POLICIES}), readers(call) as (values ${JWT_READERS.map((r) => `('${r}')`).join(', ')})
		      select distinct format('policy "%s" on %s.%s calls %s once per row: wrap it in (select ...)', policy, schema, "table", call) as detail
		      from policies, readers
		      where schema = any(${EXPOSED})
		        and ((qual like '%' || call || '%' and lower(qual) not like '%select ' || call || '%')
		          or (with_check like '%' || call || '%' and lower(with_check) not like '%select ' || call || '%'))`
	},
	{
		name: 'rls_policy_always_true',
		splinter: '0024',
		sql: `with policies as (${POLICIES})
		      select format('policy "%s" on %s.%s lets %s write any row', policy, schema, "table", array_to_string(roles, ', ')) as detail
		      from policies
		      where schema = any(${EXPOSED}) and command in ('a', 'w', 'd', '*')
		        and roles && array['anon', 'authenticated', 'public']
		        and (replace(qual, ' ', '') in ('true', '(true)') or replace(with_check, ' ', '') in ('true', '(true)'))`
	},
	{
		name: 'rls_references_user_metadata',
		splinter: '0015',
		// user_metadata is editable by the user it describes; only app_metadata is the server's word.
		sql: `with policies as (${POLICIES})
		      select format('policy "%s" on %s.%s trusts user_metadata', policy, schema, "table") as detail
		      from policies where (qual || with_check) like '%user_metadata%'`
	},
	{
		name: 'security_definer_view',
		splinter: '0010',
		sql: `select format('view %s.%s runs with its owner''s rights (set security_invoker = true)', n.nspname, c.relname) as detail
		      from pg_class c join pg_namespace n on n.oid = c.relnamespace
		      where c.relkind in ('v', 'm') and n.nspname = any(${EXPOSED})
		        and not coalesce(c.reloptions @> array['security_invoker=true'], false)
		        and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')`
	},
	{
		name: 'no_primary_key',
		splinter: '0004',
		sql: `select format('%s.%s has no primary key', n.nspname, c.relname) as detail
		      from pg_class c join pg_namespace n on n.oid = c.relnamespace
		      where c.relkind = 'r' and n.nspname = any(${EXPOSED})
		        and not exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'p')`
	},
	{
		name: 'unindexed_foreign_keys',
		splinter: '0001',
		sql: `select format('foreign key %s on %s.%s has no index that starts with its columns', k.conname, n.nspname, c.relname) as detail
		      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
		      where k.contype = 'f' and n.nspname = any(${OURS})
		        and not exists (
		          select 1 from pg_index i
		          where i.indrelid = k.conrelid
		            and (i.indkey::int2[])[0:cardinality(k.conkey) - 1] @> k.conkey
		            and (i.indkey::int2[])[0:cardinality(k.conkey) - 1] <@ k.conkey)`
	},
	{
		name: 'duplicate_index',
		splinter: '0009',
		sql: `select format('indexes %s on %s.%s are the same', string_agg(ic.relname, ' and ' order by ic.relname), n.nspname, c.relname) as detail
		      from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_class c on c.oid = i.indrelid
		      join pg_namespace n on n.oid = c.relnamespace
		      where n.nspname = any(${OURS})
		      group by n.nspname, c.relname, i.indkey::text, i.indclass::text, coalesce(pg_get_expr(i.indexprs, i.indrelid), ''),
		               coalesce(pg_get_expr(i.indpred, i.indrelid), ''), i.indisunique
		      having count(*) > 1`
	}
];
