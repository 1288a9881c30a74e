import { addDictionary } from '../icu-runtime';
import en from './en.json';
import enCompiled from './en.json?icu';
import zhCN from './zh-CN.json';
import zhCNCompiled from './zh-CN.json?icu';

// The messages of the sign-in and staff pages, kept out of the dictionary every page bundles
// (../zh-CN.json) so the public map does not carry them. Both languages are small and come
// with these pages' code, so the language switch needs nothing more here.
addDictionary('zh-CN', zhCN, zhCNCompiled);
addDictionary('en', en, enCompiled);

export const STAFF_MESSAGES = { 'zh-CN': zhCN, en } as const;
