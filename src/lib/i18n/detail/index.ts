import { addDictionary } from '../icu-runtime';
import en from './en.json';
import enCompiled from './en.json?icu';
import zhCN from './zh-CN.json';
import zhCNCompiled from './zh-CN.json?icu';

// The detail panel's labels ('detail.*' and the value names of a community's and building's
// facts), kept out of the dictionary the map page loads first: they come with the panel's own
// chunk when a feature is first picked, in both languages, so the switch needs nothing more.
addDictionary('zh-CN', zhCN, zhCNCompiled);
addDictionary('en', en, enCompiled);
