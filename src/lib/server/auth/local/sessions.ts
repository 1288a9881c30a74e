import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db';

// A session is a random token in the browser's cookie; the database keeps only its SHA-256,
// so a copy of accounts.sessions (a backup, a leaked dump) opens no session.

const TOKEN_BYTES = 32;
/** base64url of 32 bytes: anything else in the cookie is not ours and is not looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const isTokenShaped = (token: string) => TOKEN_SHAPE.test(token);

export function tokenHash(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export interface SessionRow {
	user_id: string;
	email: string;
	expires_at: Date;
}

/** Starts a session for `userId` lasting `ttlS` seconds; returns the token for the cookie. */
export async function startSession(tx: Queryable, userId: string, ttlS: number, client: string | null): Promise<{ token: string; expiresAt: Date }> {
	const token = randomBytes(TOKEN_BYTES).toString('base64url');
	const [row] = await tx.query<{ expires_at: Date }>(
		`insert into accounts.sessions (token_hash, user_id, expires_at, client)
		 values ($1, $2, now() + make_interval(secs => $3), $4) returning expires_at`,
		[tokenHash(token), userId, ttlS, client]
	);
	return { token, expiresAt: new Date(row.expires_at) };
}

/** How often a live session's last_seen_at is written: often enough to tell, rarely enough not to write per request. */
const SEEN_EVERY_S = 300;

/** The live session of `token` with its user, or null when it is unknown or has expired. */
export async function findSession(tx: Queryable, token: string): Promise<SessionRow | null> {
	const [row] = await tx.query<SessionRow & { seen_long_ago: boolean }>(
		`select s.user_id, u.email, s.expires_at, s.last_seen_at < now() - make_interval(secs => $2) as seen_long_ago
		 from accounts.sessions s join accounts.users u on u.id = s.user_id
		 where s.token_hash = $1 and s.expires_at > now()`,
		[tokenHash(token), SEEN_EVERY_S]
	);
	if (!row) return null;
	if (row.seen_long_ago) await tx.query(`update accounts.sessions set last_seen_at = now() where token_hash = $1`, [tokenHash(token)]);
	return { user_id: row.user_id, email: row.email, expires_at: row.expires_at };
}

export async function endSession(tx: Queryable, token: string): Promise<void> {
	await tx.query(`delete from accounts.sessions where token_hash = $1`, [tokenHash(token)]);
}

/** Ends every session of the user whose session `token` is (sign out everywhere). */
export async function endAllSessionsOf(tx: Queryable, token: string): Promise<void> {
	await tx.query(
		`delete from accounts.sessions where user_id = (select user_id from accounts.sessions where token_hash = $1)`,
		[tokenHash(token)]
	);
}

/** Removes sessions that have expired; they open nothing, but the table need not keep them. */
export async function removeExpiredSessions(tx: Queryable): Promise<number> {
	const rows = await tx.query<{ n: number }>(
		`with gone as (delete from accounts.sessions where expires_at <= now() returning 1) select count(*)::int as n from gone`
	);
	return rows[0].n;
}
