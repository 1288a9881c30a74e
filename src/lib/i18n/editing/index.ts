import { addMessages } from 'svelte-i18n';
import en from './en.json';
import zhCN from './zh-CN.json';

/**
 * The messages of editing and of the record ('edit.*', 'history.*'), apart from the main
 * dictionaries because only signed-in staff need them: the public map's first load stays
 * within its budget, and these arrive with the staff tools' own chunk. Both languages come
 * together; they are a few kilobytes and the language can switch at any time.
 */
export const EDITING_MESSAGES = { 'zh-CN': zhCN, en } as const;

export function addEditingMessages(): void {
	for (const [lang, messages] of Object.entries(EDITING_MESSAGES)) addMessages(lang, messages);
}
