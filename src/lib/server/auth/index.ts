import type { SignedInUser } from '$lib/domain/user';
import { getDatabase, PUBLIC_CALLER, type Caller } from '../db';
import { memberOf } from './member';
import type { AuthProvider, AuthRequest } from './provider';
import { selectProvider } from './providers';

export { AccountExistsError, type AuthProvider, type AuthRequest } from './provider';
export { generatePassword } from './password';

// On globalThis, as the database is: the dev server reloads modules.
const HOLDER = Symbol.for('renewal-atlas.auth-provider');
const holder = globalThis as { [HOLDER]?: Promise<AuthProvider> };

/** The app's sign-in provider, chosen once from the environment (settings.ts). */
export function getAuthProvider(): Promise<AuthProvider> {
	holder[HOLDER] ??= selectProvider(process.env, getDatabase);
	return holder[HOLDER];
}

export interface Authentication {
	caller: Caller;
	user: SignedInUser | null;
	/** The request carried a session that has expired or was ended: say so rather than silently showing less. */
	ended: boolean;
}

const PUBLIC: Authentication = { caller: PUBLIC_CALLER, user: null, ended: false };

/**
 * Who the request acts as: the public without a session; with a verified one, the member
 * their staff row describes (memberOf). hooks.server.ts puts the result in `locals`; nothing
 * else makes a caller for a request.
 */
export async function authenticate(request: AuthRequest): Promise<Authentication> {
	const provider = await getAuthProvider();
	const session = await provider.session(request);
	if (session.state === 'none') return PUBLIC;
	if (session.state === 'ended') return { ...PUBLIC, ended: true };
	const member = await memberOf(await getDatabase(), session.identity);
	if ('disabled' in member) {
		await provider.signOut(request, 'local');
		return { ...PUBLIC, ended: true };
	}
	return { ...member, ended: false };
}

export type SignInResult =
	| { ok: true; user: SignedInUser }
	| { ok: false; reason: 'invalid' | 'disabled' }
	| { ok: false; reason: 'rate_limited'; retryAfterS: number };

/** Signs in with an address and password; a disabled member is refused once the password is right. */
export async function signIn(request: AuthRequest, email: string, password: string): Promise<SignInResult> {
	const provider = await getAuthProvider();
	const outcome = await provider.signIn(request, email, password);
	if (!outcome.ok) return outcome;
	const member = await memberOf(await getDatabase(), outcome.identity);
	if ('disabled' in member) {
		await provider.signOut(request, 'local');
		return { ok: false, reason: 'disabled' };
	}
	return { ok: true, user: member.user };
}

/** Ends this browser's session, or (`everywhere`) every session of its user. */
export async function signOut(request: AuthRequest, everywhere: boolean): Promise<void> {
	await (await getAuthProvider()).signOut(request, everywhere ? 'global' : 'local');
}
