import { addDictionary } from '../icu-runtime';
import en from './en.json';
import enCompiled from './en.json?icu';
import zhCN from './zh-CN.json';
import zhCNCompiled from './zh-CN.json?icu';

// The "underground first" flag's labels ('undergroundFirst.*'), loaded with the staff's list
// and the detail panel's note, which only staff get; never with the map's first load.
addDictionary('zh-CN', zhCN, zhCNCompiled);
addDictionary('en', en, enCompiled);
