import type { Queryable } from '../../db';

// Failed sign-ins are counted per account (the address typed, whether or not it exists, so
// the answer does not tell) and per client address over a sliding window. Once either count
// reaches its limit, attempts are refused without checking the password until the oldest
// failure in the window has aged out.

export interface RateLimits {
	windowS: number;
	perAccount: number;
	perClient: number;
}

/** Five wrong passwords per account, twenty per client, in fifteen minutes. */
export const DEFAULT_LIMITS: RateLimits = { windowS: 900, perAccount: 5, perClient: 20 };

/**
 * Seconds until `email` from `client` may try again, or 0 when it may now. For each count
 * that is at its limit, the wait ends when the failure that filled it leaves the window.
 */
export async function secondsToWait(tx: Queryable, email: string, client: string, limits: RateLimits): Promise<number> {
	const [row] = await tx.query<{ wait: number | null }>(
		`select greatest(
		   (select ceil(extract(epoch from at + make_interval(secs => $3) - now()))
		    from accounts.sign_in_failures where email = $1 and at > now() - make_interval(secs => $3)
		    order by at desc offset $4 - 1 limit 1),
		   (select ceil(extract(epoch from at + make_interval(secs => $3) - now()))
		    from accounts.sign_in_failures where client = $2 and at > now() - make_interval(secs => $3)
		    order by at desc offset $5 - 1 limit 1)
		 )::int as wait`,
		[email, client, limits.windowS, limits.perAccount, limits.perClient]
	);
	return Math.max(0, row?.wait ?? 0);
}

export async function recordFailure(tx: Queryable, email: string, client: string): Promise<void> {
	await tx.query(`insert into accounts.sign_in_failures (email, client) values ($1, $2)`, [email, client]);
}

/** A successful sign-in clears its account's count (not its client's: one right password must not buy more guesses elsewhere). */
export async function forgetFailures(tx: Queryable, email: string): Promise<void> {
	await tx.query(`delete from accounts.sign_in_failures where email = $1`, [email]);
}

/** Failures older than the window count for nothing any more. */
export async function removeOldFailures(tx: Queryable, limits: RateLimits): Promise<void> {
	await tx.query(`delete from accounts.sign_in_failures where at <= now() - make_interval(secs => $1)`, [limits.windowS]);
}
