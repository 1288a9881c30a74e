import type { Database } from '../db';
import { localProvider } from './local';
import type { AuthProvider } from './provider';
import { sessionTtlS, wantsSupabase } from './settings';

/** What every provider is made from: the environment and the app's database. */
export type ProviderFactory = (env: NodeJS.ProcessEnv, database: () => Promise<Database>) => AuthProvider | Promise<AuthProvider>;

/**
 * The providers this build has. Supabase Auth's entry (./supabase.ts) goes beside `local`,
 * behind a dynamic import, so its client is not loaded on the embedded default.
 */
export const PROVIDERS: { local: ProviderFactory; supabase?: ProviderFactory } = {
	local: (env, database) => localProvider({ database, sessionTtlS: sessionTtlS(env) }),
	supabase: async (env, database) =>
		(await import('./supabase')).supabaseProvider({
			database,
			url: env.PUBLIC_SUPABASE_URL!,
			anonKey: env.PUBLIC_SUPABASE_ANON_KEY!,
			serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY || undefined
		})
};

/**
 * Supabase Auth when PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY are set, local accounts
 * otherwise. Throws (at start-up: hooks.server.ts asks early) when Supabase is configured
 * but this build cannot sign in with it, rather than silently using local accounts.
 */
export async function selectProvider(env: NodeJS.ProcessEnv, database: () => Promise<Database>): Promise<AuthProvider> {
	if (!wantsSupabase(env)) return PROVIDERS.local(env, database);
	if (!PROVIDERS.supabase) {
		throw new Error(
			'PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY are set, but this build has no Supabase sign-in. ' +
				'Unset them to use local accounts.'
		);
	}
	return PROVIDERS.supabase(env, database);
}
