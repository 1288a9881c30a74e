import { addMessages, init, locale } from 'svelte-i18n';
import en from './en.json';
import zhCN from './zh-CN.json';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
/** The cookie that remembers a visitor's choice, read on the server so the first paint is right. */
export const LOCALE_COOKIE = 'lang';

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

// Messages are bundled and added synchronously so server rendering never waits on a loader.
addMessages('zh-CN', zhCN);
addMessages('en', en);

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
