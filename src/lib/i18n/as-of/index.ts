import { addDictionary } from '../icu-runtime';
import en from './en.json';
import enCompiled from './en.json?icu';
import zhCN from './zh-CN.json';
import zhCNCompiled from './zh-CN.json?icu';

// The time control's labels ('asOf.*'), loaded with the control, never with the map's first
// load; both languages together.
addDictionary('zh-CN', zhCN, zhCNCompiled);
addDictionary('en', en, enCompiled);
