import en from '$lib/i18n/en.json';
import zhCN from '$lib/i18n/zh-CN.json';
import { DEFAULT_LOCALE, type Locale, type Messages } from '$lib/i18n';

/** Every language's messages; the browser bundles only Chinese (src/lib/i18n). */
export const DICTIONARIES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

function lookup(dictionary: unknown, key: string): unknown {
	return key.split('.').reduce<unknown>(
		(node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
		dictionary
	);
}

/** A message by its dotted key, for text the server makes outside components (error answers). */
export function translate(lang: Locale, key: string): string {
	const value = lookup(DICTIONARIES[lang], key) ?? lookup(DICTIONARIES[DEFAULT_LOCALE], key);
	return typeof value === 'string' ? value : key;
}
