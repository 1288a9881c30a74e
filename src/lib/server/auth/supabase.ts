import { createServerClient } from '@supabase/ssr';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { asCaller, type Database } from '../db';
import { withAccountTables } from './local/as-service';
import { DEFAULT_LIMITS, forgetFailures, recordFailure, removeOldFailures, secondsToWait, type RateLimits } from './local/rate-limit';
import { AccountExistsError, clientOf, type AuthProvider, type AuthRequest, type SessionState } from './provider';

export interface SupabaseOptions {
	database: () => Promise<Database>;
	url: string;
	anonKey: string;
	/** Only for creating members and setting passwords (the Auth admin API); never sent to a browser. */
	serviceRoleKey?: string;
	limits?: RateLimits;
}

/** Supabase's own sign-in cookies are named sb-<project>-auth-token (possibly in chunks .0, .1…). */
const hasAuthCookie = (request: AuthRequest) => request.cookies.getAll().some((c) => /^sb-.+-auth-token/.test(c.name));

/**
 * The server's clients only sign in and manage users, never subscribe to Realtime; on
 * Node.js 20, without a WebSocket of its own, supabase-js refuses to start unless it is given
 * a transport. This one says so if anything ever tries.
 */
class NoRealtime {
	constructor() {
		throw new Error('Realtime is not used by the server');
	}
}
const SERVER_ONLY = { realtime: { transport: NoRealtime as unknown as typeof WebSocket } };


/**
 * Sign-in through Supabase Auth. A per-request server client reads and refreshes the session
 * in the request's cookies (@supabase/ssr); the user is taken from getClaims(), which checks
 * the access token's signature (against the project's signing keys, or by asking the Auth
 * server for a shared secret) — never from the cookie's contents alone. What the user may do
 * still comes from public.staff (member.ts), as on the local path.
 */
export function supabaseProvider(options: SupabaseOptions): AuthProvider {
	const limits = options.limits ?? DEFAULT_LIMITS;

	function serverClient(request: AuthRequest): SupabaseClient {
		return createServerClient(options.url, options.anonKey, {
			...SERVER_ONLY,
			cookies: {
				getAll: () => request.cookies.getAll(),
				setAll: (cookies) => {
					for (const { name, value, options: cookie } of cookies) request.cookies.set(name, value, { ...cookie, path: '/' });
				}
			}
		});
	}

	function adminClient(): SupabaseClient {
		if (!options.serviceRoleKey) {
			throw new Error('Creating members and setting passwords on Supabase needs SUPABASE_SERVICE_ROLE_KEY on the server');
		}
		return createClient(options.url, options.serviceRoleKey, {
			...SERVER_ONLY,
			auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
		});
	}

	/** The database decides whether `caller` may manage accounts, before the Auth server is asked to. */
	async function mayManage(caller: Parameters<AuthProvider['setPassword']>[0], userId?: string): Promise<boolean> {
		if (caller.role === 'service_role') return true;
		if (caller.role !== 'authenticated') return false;
		const [row] = await asCaller(await options.database(), caller, (tx) =>
			tx.query<{ may: boolean }>(`select (select private.is_admin()) or $1::uuid = auth.uid() as may`, [userId ?? null])
		);
		return row?.may === true;
	}

	return {
		kind: 'supabase',

		async session(request): Promise<SessionState> {
			if (!hasAuthCookie(request)) return { state: 'none' };
			const { data, error } = await serverClient(request).auth.getClaims();
			const claims = error ? undefined : data?.claims;
			if (typeof claims?.sub !== 'string') return { state: 'ended' };
			return { state: 'active', identity: { userId: claims.sub, email: String(claims.email ?? '') } };
		},

		async signIn(request, rawEmail, password) {
			const email = rawEmail.trim().toLowerCase();
			const client = clientOf(request);
			const db = await options.database();
			// The same per-account and per-client limits as local accounts, before Supabase's own.
			const wait = await withAccountTables(db, async (tx) => {
				await removeOldFailures(tx, limits);
				return secondsToWait(tx, email, client, limits);
			});
			if (wait > 0) return { ok: false, reason: 'rate_limited', retryAfterS: wait };

			const { data, error } = await serverClient(request).auth.signInWithPassword({ email, password });
			if (error?.status === 429) return { ok: false, reason: 'rate_limited', retryAfterS: 60 };
			if (error || !data.user) {
				if (error && error.status !== undefined && error.status >= 500) throw error;
				const after = await withAccountTables(db, async (tx) => {
					await recordFailure(tx, email, client);
					return secondsToWait(tx, email, client, limits);
				});
				return after > 0 ? { ok: false, reason: 'rate_limited', retryAfterS: after } : { ok: false, reason: 'invalid' };
			}
			await withAccountTables(db, (tx) => forgetFailures(tx, email));
			return { ok: true, identity: { userId: data.user.id, email: data.user.email ?? email } };
		},

		async signOut(request, scope) {
			if (hasAuthCookie(request)) await serverClient(request).auth.signOut({ scope });
			// signOut clears the cookies it knows; a broken session's are removed here too.
			for (const c of request.cookies.getAll()) {
				if (/^sb-.+-auth-token/.test(c.name)) request.cookies.delete(c.name, { path: '/' });
			}
		},

		async createAccount(caller, account, addStaff) {
			if (!(await mayManage(caller))) {
				throw Object.assign(new Error('only admins create accounts'), { code: '42501' });
			}
			const admin = adminClient();
			const email = account.email.trim().toLowerCase();
			const { data, error } = await admin.auth.admin.createUser({ email, password: account.password, email_confirm: true });
			if (error?.code === 'email_exists' || error?.status === 422) throw new AccountExistsError(email);
			if (error || !data.user) throw error ?? new Error('Supabase Auth created no user');
			const userId = data.user.id;
			try {
				return await asCaller(await options.database(), caller, (tx) => addStaff(tx, userId));
			} catch (failure) {
				// All or nothing: without its staff row the new sign-in must not remain.
				const { error: removal } = await admin.auth.admin.deleteUser(userId);
				if (removal) console.error(`[auth] could not remove the half-created Supabase user ${userId}: ${removal.message}`);
				throw failure;
			}
		},

		async setPassword(caller, userId, password) {
			if (!(await mayManage(caller, userId))) {
				throw Object.assign(new Error('only admins change other members\u2019 passwords'), { code: '42501' });
			}
			const { error } = await adminClient().auth.admin.updateUserById(userId, { password });
			if (error) throw error;
		}
	};
}
