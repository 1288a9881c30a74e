import { addDictionary } from '../icu-runtime';
import en from './en.json';
import enCompiled from './en.json?icu';
import zhCN from './zh-CN.json';
import zhCNCompiled from './zh-CN.json?icu';

// The community list's and the phone's bottom sheet's messages ('browse.*'): both load after
// the map page (the list when opened, the sheet with the detail panel), so neither is in the
// dictionary the page loads first.
addDictionary('zh-CN', zhCN, zhCNCompiled);
addDictionary('en', en, enCompiled);
