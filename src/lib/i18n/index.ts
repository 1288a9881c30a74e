import { init, locale } from 'svelte-i18n';
import { ICU_OPTIONS, type CompiledMessages } from './icu';
import { addDictionary } from './icu-runtime';
import zhCN from './zh-CN.json';
import zhCNCompiled from './zh-CN.json?icu';

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
/** A dictionary with the ASTs of its ICU messages, which the browser cannot parse (icu-build.ts). */
export type Dictionary = { messages: Messages; compiled: CompiledMessages };

// Chinese, the default, is bundled and added synchronously so rendering never waits on a
// loader. English reaches the browser only when wanted: with the layout's data for a page
// opened in English (addLocaleMessages), or as a chunk of its own on the switch
// (loadMessages), so the default page loads less script.
addDictionary('zh-CN', zhCN, zhCNCompiled);

export function addLocaleMessages(lang: Locale, { messages, compiled }: Dictionary): void {
	addDictionary(lang, messages, compiled);
}

/** Makes sure the messages of `lang` are there; call before useLocale(lang). */
export async function loadMessages(lang: Locale): Promise<void> {
	if (lang === 'en') addLocaleMessages('en', (await import('./english')).default);
}

let initialised = false;

/** Sets up svelte-i18n once, then only switches the locale. */
export function useLocale(lang: Locale): void {
	if (!initialised) {
		init({ fallbackLocale: DEFAULT_LOCALE, initialLocale: lang, ignoreTag: ICU_OPTIONS.ignoreTag });
		initialised = true;
	} else {
		locale.set(lang);
	}
}
