import { redirect, type Handle, type HandleServerError, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from '$lib/i18n';
import { authenticate, getAuthProvider } from '$lib/server/auth';
import { configuredBasemap } from '$lib/server/basemap';
import { loginUrl } from '$lib/server/auth/safe-next';
import { getDatabase, isDatabaseUnavailable } from '$lib/server/db';
import { translate } from '$lib/server/i18n';
import { compressResponse } from '$lib/server/http/compress';
import { allowOrigins, securityHeaders, tileOrigins } from '$lib/server/http/security-headers';
import { closeDatabaseOnShutdown } from '$lib/server/shutdown';

/** Seconds a client is asked to wait before trying again while the database is unreachable. */
const RETRY_AFTER_S = 5;

/**
 * Opens the database when the server starts, so the first visitor does not wait for it.
 * The embedded database must open (it is this process's own; if another process holds its
 * folder, this one says so and stops). A PostgreSQL that is down only makes requests
 * answer 503 until it returns.
 */
export const init: ServerInit = async () => {
	// A basemap set up wrongly (an unknown preset, Tianditu without its key) stops the server
	// before anything else, with what to change.
	try {
		configuredBasemap();
	} catch (error) {
		console.error(`[basemap] ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	}
	closeDatabaseOnShutdown();
	try {
		await getDatabase();
	} catch (error) {
		const hint = (error as { hint?: unknown }).hint;
		console.error(`[db] cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
		if (typeof hint === 'string') console.error(`[db] ${hint}`);
		process.exit(1);
	}
	// Chosen now, so a sign-in set up wrongly stops the server at start rather than at the first visitor.
	try {
		await getAuthProvider();
	} catch (error) {
		console.error(`[auth] ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	}
};

let tileServers: string[] | undefined;
/** The online basemap's tile servers (none by default); the configuration is read once. */
function basemapOrigins(): string[] {
	tileServers ??= tileOrigins(configuredBasemap()?.layers.flat() ?? []);
	return tileServers;
}

/** The language of the request: ?lang= in a link, then the visitor's cookie, then Chinese. */
function pickLanguage(event: RequestEvent): void {
	const fromUrl = event.url.searchParams.get('lang');
	const fromCookie = event.cookies.get(LOCALE_COOKIE);
	// A link's language is remembered in the cookie, because the page drops ?lang= from the
	// address as soon as the view changes.
	if (isLocale(fromUrl) && fromUrl !== fromCookie) {
		event.cookies.set(LOCALE_COOKIE, fromUrl, { path: '/', maxAge: 31_536_000, sameSite: 'lax', httpOnly: false });
	}
	event.locals.lang = isLocale(fromUrl) ? fromUrl : isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
}

/** A page the browser opens (not its data, not an API call): where a redirect to sign in is seen. */
function isPageNavigation(event: RequestEvent): boolean {
	const dest = event.request.headers.get('sec-fetch-dest');
	const accept = event.request.headers.get('accept') ?? '';
	return event.request.method === 'GET' && (dest ? dest === 'document' : accept.includes('text/html'));
}

/**
 * Who the request acts as, from its verified session (the public without one). A page
 * opened with a session that has ended goes to the sign-in page, which says so, rather than
 * quietly showing the public's view to someone who was working.
 */
async function identify(event: RequestEvent): Promise<Response | undefined> {
	try {
		const auth = await authenticate(event);
		event.locals.caller = auth.caller;
		event.locals.user = auth.user;
		event.locals.sessionEnded = auth.ended;
	} catch (error) {
		if (!isDatabaseUnavailable(error)) throw error;
		// The session cannot be checked; answering as the public instead would mislead.
		return new Response(translate(event.locals.lang, 'error.unavailable'), {
			status: 503,
			headers: { 'retry-after': String(RETRY_AFTER_S), 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	if (event.locals.sessionEnded && isPageNavigation(event) && event.url.pathname !== '/login') {
		redirect(303, loginUrl(event.url, true));
	}
}

export const handle: Handle = async ({ event, resolve }) => {
	pickLanguage(event);
	const early = await identify(event);
	if (early) return early;
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('<html lang="zh-CN">', `<html lang="${event.locals.lang}">`)
	});

	const headers = new Headers(response.headers);
	for (const [name, value] of Object.entries(securityHeaders(event.url))) headers.set(name, value);
	// What a signed-in member sees is theirs: no shared cache may keep it.
	if (event.locals.user && !headers.has('cache-control')) headers.set('cache-control', 'private, no-store');
	const policy = headers.get('content-security-policy');
	if (policy) headers.set('content-security-policy', allowOrigins(policy, ['img-src', 'connect-src'], basemapOrigins()));
	// SvelteKit answers every unexpected error with 500; one the database caused is a 503
	// the client may retry (handleError below marks it).
	const unavailable = event.locals.databaseUnavailable && response.status === 500;
	if (unavailable) headers.set('retry-after', String(RETRY_AFTER_S));
	const status = unavailable ? 503 : response.status;
	return compressResponse(event.request, new Response(response.body, { status, statusText: unavailable ? 'Service Unavailable' : response.statusText, headers }));
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const lang = isLocale(event.locals.lang) ? event.locals.lang : DEFAULT_LOCALE;
	if (isDatabaseUnavailable(error)) {
		event.locals.databaseUnavailable = true;
		console.error(`[db] ${event.request.method} ${event.url.pathname}: ${error.message}`);
		const key = error.reason === 'not_migrated' ? 'error.notMigrated' : 'error.unavailable';
		return { message: translate(lang, key), code: 'unavailable' };
	}
	if (status >= 500) {
		console.error(error);
		return { message: translate(lang, 'error.internal') };
	}
	return { message };
};
