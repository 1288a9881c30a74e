import { addDictionary } from '../icu-runtime';
import en from './en.json';
import enCompiled from './en.json?icu';
import zhCN from './zh-CN.json';
import zhCNCompiled from './zh-CN.json?icu';

// The parking and facilities labels ('facilities.*'), loaded with the facility layer and the
// detail panel's section; never with the map's first load.
addDictionary('zh-CN', zhCN, zhCNCompiled);
addDictionary('en', en, enCompiled);
