import { addDictionary } from '../icu-runtime';
import en from './en.json';
import enCompiled from './en.json?icu';
import zhCN from './zh-CN.json';
import zhCNCompiled from './zh-CN.json?icu';

// Residents' feedback ('feedback.*'): the community page's section, the moderation page and
// the API's messages; never with the map's first load.
addDictionary('zh-CN', zhCN, zhCNCompiled);
addDictionary('en', en, enCompiled);
