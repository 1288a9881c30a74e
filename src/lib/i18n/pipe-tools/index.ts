import { addDictionary } from '../icu-runtime';
import en from './en.json';
import enCompiled from './en.json?icu';
import zhCN from './zh-CN.json';
import zhCNCompiled from './zh-CN.json?icu';

/**
 * The pipeline tools' messages ('pipeTools.*'): only signed-in staff open the tools, so they
 * come with the tools' own chunk, never with the public map's first load.
 */
export function addPipeToolsMessages(): void {
	addDictionary('zh-CN', zhCN, zhCNCompiled);
	addDictionary('en', en, enCompiled);
}
