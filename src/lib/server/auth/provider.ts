import type { RequestEvent } from '@sveltejs/kit';
import type { Caller, Queryable } from '../db';

// The seam between the app and whoever keeps its accounts: local accounts in the database
// (local/), or Supabase Auth when the project is configured for it. A provider only says who
// the request's user is, verified on the server; what that user may do comes from their
// public.staff row, read the same way for every provider (member.ts).

/** What a provider needs of a request: its cookies (to read and to set), address and URL. */
export type AuthRequest = Pick<RequestEvent, 'cookies' | 'url' | 'request' | 'getClientAddress'>;

/** The client a failed sign-in is counted against; adapter-node finds it behind a proxy when told how (README). */
export function clientOf(request: AuthRequest): string {
	try {
		return request.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/** A user whose session the provider has checked on the server, never from the cookie alone. */
export interface VerifiedIdentity {
	userId: string;
	email: string;
}

export type SessionState =
	/** No session cookie: the public. */
	| { state: 'none' }
	/** A session cookie whose session has expired or was ended (signed out elsewhere, disabled). */
	| { state: 'ended' }
	| { state: 'active'; identity: VerifiedIdentity };

export type SignInOutcome =
	| { ok: true; identity: VerifiedIdentity }
	/** Wrong address or wrong password: one answer for both. */
	| { ok: false; reason: 'invalid' }
	/** Too many failed attempts for this account or from this client. */
	| { ok: false; reason: 'rate_limited'; retryAfterS: number };

/** The credentials a new account starts with. */
export interface NewAccount {
	email: string;
	password: string;
}

export interface AuthProvider {
	readonly kind: 'local' | 'supabase';
	/** The request's session, verified (and refreshed, where the provider does that). */
	session(request: AuthRequest): Promise<SessionState>;
	/** Checks the credentials and, when they are right, starts a session in the response's cookies. */
	signIn(request: AuthRequest, email: string, password: string): Promise<SignInOutcome>;
	/** Ends this browser's session ('local') or every session of its user ('global'), and clears the cookie. */
	signOut(request: AuthRequest, scope: 'local' | 'global'): Promise<void>;
	/**
	 * Creates the sign-in account of a new member and runs `addStaff` with its user id, as
	 * `caller` (an admin, or service_role for the first admin), all or nothing: if `addStaff`
	 * throws, no account remains. Returns what `addStaff` returned.
	 */
	createAccount<T>(caller: Caller, account: NewAccount, addStaff: (tx: Queryable, userId: string) => Promise<T>): Promise<T>;
	/** Sets a member's password as `caller` (the database lets admins do it) and ends their sessions. */
	setPassword(caller: Caller, userId: string, password: string): Promise<void>;
}

/** Thrown by createAccount when the address already has an account. */
export class AccountExistsError extends Error {
	override readonly name = 'AccountExistsError';
	constructor(readonly email: string) {
		super(`an account for ${email} already exists`);
	}
}
