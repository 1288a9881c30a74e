import { randomUUID } from 'node:crypto';
import { asCaller, type Database } from '../../db';
import { hashPassword, verifyPassword } from '../password';
import { AccountExistsError, clientOf, type AuthProvider, type AuthRequest, type SessionState } from '../provider';
import { withAccountTables } from './as-service';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './cookie';
import { DEFAULT_LIMITS, forgetFailures, recordFailure, removeOldFailures, secondsToWait, type RateLimits } from './rate-limit';
import { endAllSessionsOf, endSession, findSession, isTokenShaped, removeExpiredSessions, startSession } from './sessions';

export interface LocalOptions {
	database: () => Promise<Database>;
	/** How long a session lasts from sign-in (absolute, not extended by use). */
	sessionTtlS: number;
	limits?: RateLimits;
}


/** 23505 on accounts.users or public.staff: the address is taken. */
function isDuplicate(error: unknown): boolean {
	return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

/**
 * Accounts kept in the app's own database (schema accounts): scrypt password hashes,
 * sessions keyed by the hash of their token, sign-in failures counted per account and per
 * client. For the embedded default and a plain PostgreSQL, where there is no Supabase Auth.
 */
export function localProvider(options: LocalOptions): AuthProvider {
	const limits = options.limits ?? DEFAULT_LIMITS;

	return {
		kind: 'local',

		async session(request): Promise<SessionState> {
			const token = request.cookies.get(SESSION_COOKIE);
			if (token === undefined) return { state: 'none' };
			const found = isTokenShaped(token) ? await withAccountTables(await options.database(), (tx) => findSession(tx, token)) : null;
			if (!found) {
				clearSessionCookie(request);
				return { state: 'ended' };
			}
			return { state: 'active', identity: { userId: found.user_id, email: found.email } };
		},

		async signIn(request, rawEmail, password) {
			const email = rawEmail.trim().toLowerCase();
			const client = clientOf(request);
			const db = await options.database();
			const before = await withAccountTables(db, async (tx) => {
				// Housekeeping rides on sign-ins, which are rare: no timer to keep.
				await removeExpiredSessions(tx);
				await removeOldFailures(tx, limits);
				const wait = await secondsToWait(tx, email, client, limits);
				if (wait > 0) return { wait, account: undefined };
				const [account] = await tx.query<{ id: string; password_hash: string }>(
					`select id, password_hash from accounts.users where email = $1`,
					[email]
				);
				return { wait, account };
			});
			if (before.wait > 0) return { ok: false, reason: 'rate_limited', retryAfterS: before.wait };

			// Outside any transaction: the embedded database serves one at a time, and hashing takes a while.
			const matches = await verifyPassword(password, before.account?.password_hash);
			if (!matches || !before.account) {
				const wait = await withAccountTables(db, async (tx) => {
					await recordFailure(tx, email, client);
					return secondsToWait(tx, email, client, limits);
				});
				return wait > 0 ? { ok: false, reason: 'rate_limited', retryAfterS: wait } : { ok: false, reason: 'invalid' };
			}

			const userId = before.account.id;
			const { token } = await withAccountTables(db, async (tx) => {
				await forgetFailures(tx, email);
				return startSession(tx, userId, options.sessionTtlS, client);
			});
			setSessionCookie(request, token, options.sessionTtlS);
			return { ok: true, identity: { userId, email } };
		},

		async signOut(request, scope) {
			const token = request.cookies.get(SESSION_COOKIE);
			if (token !== undefined && isTokenShaped(token)) {
				await withAccountTables(await options.database(), (tx) => (scope === 'global' ? endAllSessionsOf(tx, token) : endSession(tx, token)));
			}
			clearSessionCookie(request);
		},

		async createAccount(caller, account, addStaff) {
			const userId = randomUUID();
			const hash = await hashPassword(account.password);
			const email = account.email.trim().toLowerCase();
			const db = await options.database();
			try {
				return await asCaller(db, caller, async (tx) => {
					const result = await addStaff(tx, userId);
					// An admin goes through the database's own check (private.create_local_account
					// refuses anyone else); service_role, for the first admin, writes the table itself.
					if (caller.role === 'service_role') {
						await tx.query(`insert into accounts.users (id, email, password_hash) values ($1, $2, $3)`, [userId, email, hash]);
					} else {
						await tx.query(`select private.create_local_account($1, $2, $3)`, [userId, email, hash]);
					}
					return result;
				});
			} catch (error) {
				if (isDuplicate(error)) throw new AccountExistsError(email);
				throw error;
			}
		},

		async setPassword(caller, userId, password) {
			const hash = await hashPassword(password);
			await asCaller(await options.database(), caller, (tx) => tx.query(`select private.set_local_password($1, $2)`, [userId, hash]));
		}
	};
}
