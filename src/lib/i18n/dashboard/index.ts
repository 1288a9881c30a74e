import { addDictionary } from '../icu-runtime';
import en from './en.json';
import enCompiled from './en.json?icu';
import zhCN from './zh-CN.json';
import zhCNCompiled from './zh-CN.json?icu';

// The dashboard's labels ('dashboard.*'), loaded with the staff pages (their navigation links
// the dashboard), never with the map's first load; both languages together.
addDictionary('zh-CN', zhCN, zhCNCompiled);
addDictionary('en', en, enCompiled);
