import { describe, expect, it } from 'vitest';
import { distanceM, normaliseQuery, searchDirectory } from '$lib/domain/community-search';
import { searchKeys } from './search-keys';

// Real names from the demo data (supabase/seed.sql) and the real pinyin-pro: polyphones such
// as 厂 and 长 are where a home-made table would go wrong.
const COMMUNITIES = [
	{ code: 'ZD-2020-01', name: '玻璃制品厂家属院', subdistrictName: '体育场街道' },
	{ code: 'ZD-2020-05', name: '供销社家属院', subdistrictName: '湖田街道' },
	{ code: 'ZD-2021-01', name: '光明小区', subdistrictName: '马尚街道' },
	{ code: 'ZD-2021-06', name: '物资局宿舍', subdistrictName: '公园街道' },
	{ code: 'ZD-2022-03', name: '向阳小区', subdistrictName: '体育场街道' },
	{ code: 'ZD-2099-01', name: '绿化局宿舍', subdistrictName: '公园街道' }
].map((c) => ({ ...c, keys: searchKeys(c) }));

const find = (query: string) => searchDirectory(COMMUNITIES, query).map((c) => c.name);

describe('finding a community', () => {
	it('by its initials', () => {
		expect(find('gmxq')).toEqual(['光明小区']);
		expect(find('GMXQ')).toEqual(['光明小区']);
		expect(find('blzpcjsy')).toEqual(['玻璃制品厂家属院']);
	});

	it('by its pinyin, whole or begun, with or without spaces', () => {
		expect(find('guangming')).toEqual(['光明小区']);
		expect(find('guang ming xiao qu')).toEqual(['光明小区']);
		expect(find('xiangyang')).toEqual(['向阳小区']);
		// 厂 read chǎng (not ān), as in 玻璃制品厂.
		expect(find('zhipinchang')).toEqual(['玻璃制品厂家属院']);
		expect(find('wuzi')).toEqual(['物资局宿舍']);
	});

	it('types ü as v, as Chinese keyboards do', () => {
		expect(find('lvhua')).toEqual(['绿化局宿舍']);
		expect(find('lühua')).toEqual(['绿化局宿舍']);
	});

	it('by its Chinese name or part of it', () => {
		expect(find('光明')).toEqual(['光明小区']);
		expect(find('小区')).toEqual(['光明小区', '向阳小区']);
		expect(find('家属院')).toEqual(['玻璃制品厂家属院', '供销社家属院']);
	});

	it('by its sub-district (the demo data has no street address or 居委会), names ranked first', () => {
		expect(find('体育场')).toEqual(['玻璃制品厂家属院', '向阳小区']);
		expect(find('mashang')).toEqual(['光明小区']);
		expect(find('tycjd')).toEqual(['玻璃制品厂家属院', '向阳小区']);
	});

	it('by the code on the notice', () => {
		expect(find('zd-2021-01')).toEqual(['光明小区']);
	});

	it('lists everything for an empty query and nothing for a stranger one', () => {
		expect(find('  ')).toHaveLength(COMMUNITIES.length);
		expect(find('qqqq')).toEqual([]);
	});

	it('normalises what is typed', () => expect(normaliseQuery(" Guang'Ming Xiǎo")).toBe('guangmingxiǎo'));

	it('measures distance for "near me"', () => {
		// One minute of latitude is one nautical mile, 1852 m.
		expect(distanceM(118, 36.8, 118, 36.8 + 1 / 60)).toBeCloseTo(1853, -1);
	});
});
