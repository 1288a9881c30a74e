import type { AuthRequest } from '../provider';

export const SESSION_COOKIE = 'atlas_session';

/** How much longer the browser keeps the cookie than the session lasts, so the server can say "expired". */
const GRACE_S = 86_400;

/**
 * The cookie carries the session token: out of reach of scripts (HttpOnly), not sent by
 * other sites' forms and fetches (SameSite=Lax), only over https when the site is served so.
 */
export function setSessionCookie(request: AuthRequest, token: string, ttlS: number): void {
	request.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: request.url.protocol === 'https:',
		maxAge: ttlS + GRACE_S
	});
}

export function clearSessionCookie(request: AuthRequest): void {
	request.cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.url.protocol === 'https:' });
}
