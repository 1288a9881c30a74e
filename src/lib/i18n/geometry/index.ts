import { addMessages } from 'svelte-i18n';
import en from './en.json';
import zhCN from './zh-CN.json';

/**
 * The drawing tools' messages ('geometry.*'): only staff who start editing a shape need them,
 * so they come with the tools' own chunk (and the server's error answers), never with the
 * public map's first load.
 */
export function addGeometryMessages(): void {
	addMessages('zh-CN', zhCN);
	addMessages('en', en);
}
