import { addMessages } from 'svelte-i18n';
import en from './en.json';
import zhCN from './zh-CN.json';

// The plan's and funding's labels ('plan.*'), loaded with the plan section and the staff
// pages that show plans, never with the map's first load; both languages together.
addMessages('zh-CN', zhCN);
addMessages('en', en);
