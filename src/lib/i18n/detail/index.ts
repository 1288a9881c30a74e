import { addMessages } from 'svelte-i18n';
import en from './en.json';
import zhCN from './zh-CN.json';

// The detail panel's labels ('detail.*' and the value names of a community's and building's
// facts), kept out of the dictionary the map page loads first: they come with the panel's own
// chunk when a feature is first picked, in both languages, so the switch needs nothing more.
addMessages('zh-CN', zhCN);
addMessages('en', en);
