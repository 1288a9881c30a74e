import type { Handle } from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from '$lib/i18n';

/** Picks the language: ?lang= in a link, then the visitor's cookie, then Chinese. */
export const handle: Handle = async ({ event, resolve }) => {
	const fromUrl = event.url.searchParams.get('lang');
	const fromCookie = event.cookies.get(LOCALE_COOKIE);
	event.locals.lang = isLocale(fromUrl) ? fromUrl : isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('<html lang="zh-CN">', `<html lang="${event.locals.lang}">`)
	});
};
