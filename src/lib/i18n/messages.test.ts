import { describe, expect, it } from 'vitest';

function keys(tree: object, prefix = ''): string[] {
	return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

// Every dictionary comes as a Chinese and English pair: the map's own, and those loaded with
// the detail panel, the staff pages and the editing tools.
const PAIRS = import.meta.glob<{ default: object }>('./**/{zh-CN,en}.json', { eager: true });

describe('dictionaries', () => {
	const folders = [...new Set(Object.keys(PAIRS).map((path) => path.replace(/(zh-CN|en)\.json$/, '')))];

	it('are found', () => expect(folders.sort()).toEqual(['./', './as-of/', './browse/', './catalogue/', './dashboard/', './detail/', './editing/', './facilities/', './feedback/', './geometry/', './pipe-tools/', './pipes/', './plan/', './public/', './staff/', './underground-first/']));

	it.each(folders)('%s has the same keys in Chinese and English', (folder) => {
		expect(keys(PAIRS[`${folder}en.json`].default).sort()).toEqual(keys(PAIRS[`${folder}zh-CN.json`].default).sort());
	});

	it('name no key twice across dictionaries (a later one would silently replace it)', () => {
		const all = folders.flatMap((folder) => keys(PAIRS[`${folder}zh-CN.json`].default));
		expect(all.filter((key, i) => all.indexOf(key) !== i)).toEqual([]);
	});
});
