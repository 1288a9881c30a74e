import { addMessages } from 'svelte-i18n';
import en from './en.json';
import zhCN from './zh-CN.json';

// The messages of the sign-in and staff pages, kept out of the dictionary every page bundles
// (../zh-CN.json) so the public map does not carry them. Both languages are small and come
// with these pages' code, so the language switch needs nothing more here.
addMessages('zh-CN', zhCN);
addMessages('en', en);

export const STAFF_MESSAGES = { 'zh-CN': zhCN, en } as const;
