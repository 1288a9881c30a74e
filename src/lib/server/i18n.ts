import { addMessages, format, unwrapFunctionStore } from 'svelte-i18n';
import { addEditingMessages } from '$lib/i18n/editing';
import { addGeometryMessages } from '$lib/i18n/geometry';
import en from '$lib/i18n/en.json';
import zhCN from '$lib/i18n/zh-CN.json';
import english from '$lib/i18n/english';
import type { Dictionary, Locale } from '$lib/i18n';
// The detail panel's, sign-in and staff pages' messages (their own dictionaries, off the map's bundle).
import '$lib/i18n/detail';
import '$lib/i18n/staff';

/** The messages the browser does not bundle (it has only Chinese, src/lib/i18n), with their ASTs since it has no parser. */
export const DICTIONARIES: Partial<Record<Locale, Dictionary>> = { en: english };

// The server has every language at once: a page opened in English and the error answers
// made outside components both need it, whatever the locale of the last render was.
addMessages('zh-CN', zhCN);
addMessages('en', en);
addEditingMessages();
addGeometryMessages();
const formatMessage = unwrapFunctionStore(format);

/** A message by its key, in `lang`, for text the server makes outside components (error answers). */
export function translate(lang: Locale, key: string, values?: Record<string, string | number>): string {
	return formatMessage(key, { locale: lang, values });
}
