import { addDictionary } from '../icu-runtime';
import en from './en.json';
import enCompiled from './en.json?icu';
import zhCN from './zh-CN.json';
import zhCNCompiled from './zh-CN.json?icu';

/**
 * The messages of editing and of the record ('edit.*', 'history.*'), apart from the main
 * dictionaries because only signed-in staff need them: the public map's first load stays
 * within its budget, and these arrive with the staff tools' own chunk. Both languages come
 * together; they are a few kilobytes and the language can switch at any time.
 */
export const EDITING_MESSAGES = { 'zh-CN': zhCN, en } as const;

export function addEditingMessages(): void {
	addDictionary('zh-CN', zhCN, zhCNCompiled);
	addDictionary('en', en, enCompiled);
}
