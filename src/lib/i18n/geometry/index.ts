import { addDictionary } from '../icu-runtime';
import en from './en.json';
import enCompiled from './en.json?icu';
import zhCN from './zh-CN.json';
import zhCNCompiled from './zh-CN.json?icu';

/**
 * The drawing tools' messages ('geometry.*'): only staff who start editing a shape need them,
 * so they come with the tools' own chunk (and the server's error answers), never with the
 * public map's first load.
 */
export function addGeometryMessages(): void {
	addDictionary('zh-CN', zhCN, zhCNCompiled);
	addDictionary('en', en, enCompiled);
}
