import type { Handle, ServerInit } from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from '$lib/i18n';
import { getDatabase } from '$lib/server/db';

/**
 * Opens the database (and on a first start applies the migrations and seed) when the
 * server starts, so the first visitor does not wait for it and a broken DATABASE_URL
 * stops the server with the driver's message.
 */
export const init: ServerInit = async () => {
	await getDatabase();
};

/**
 * Picks the language: ?lang= in a link, then the visitor's cookie, then Chinese. A link's
 * language is remembered in the cookie, because the page drops ?lang= from the address as
 * soon as the view changes.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const fromUrl = event.url.searchParams.get('lang');
	const fromCookie = event.cookies.get(LOCALE_COOKIE);
	if (isLocale(fromUrl) && fromUrl !== fromCookie) {
		event.cookies.set(LOCALE_COOKIE, fromUrl, { path: '/', maxAge: 31_536_000, sameSite: 'lax', httpOnly: false });
	}
	event.locals.lang = isLocale(fromUrl) ? fromUrl : isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('<html lang="zh-CN">', `<html lang="${event.locals.lang}">`)
	});
};
