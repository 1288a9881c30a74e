import { addMessages, init, locale } from 'svelte-i18n';
import zhCN from './zh-CN.json';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
/** The cookie that remembers a visitor's choice, read on the server so the first paint is right. */
export const LOCALE_COOKIE = 'lang';

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A dictionary of messages, shaped like the Chinese one. */
export type Messages = typeof zhCN;

// Chinese, the default, is bundled and added synchronously so rendering never waits on a
// loader. English reaches the browser only when wanted: with the layout's data for a page
// opened in English (addLocaleMessages), or as a chunk of its own on the switch
// (loadMessages), so the default page loads less script.
addMessages('zh-CN', zhCN);

export function addLocaleMessages(lang: Locale, messages: Messages): void {
	addMessages(lang, messages);
}

/** Makes sure the messages of `lang` are there; call before useLocale(lang). */
export async function loadMessages(lang: Locale): Promise<void> {
	if (lang === 'en') addMessages('en', (await import('./en.json')).default);
}

let initialised = false;

/** Sets up svelte-i18n once, then only switches the locale. */
export function useLocale(lang: Locale): void {
	if (!initialised) {
		init({ fallbackLocale: DEFAULT_LOCALE, initialLocale: lang });
		initialised = true;
	} else {
		locale.set(lang);
	}
}
