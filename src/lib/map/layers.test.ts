import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import type { Atlas } from '$lib/domain/types';
import { atlasLayers, atlasSources, LAYERS } from './layers';
import { yearColors } from './palette';
import { DEFAULT_VIEW, type View } from './view';

const atlas: Atlas = {
	district: {
		code: '370303',
		name: '张店区',
		outline: { type: 'Feature', properties: { name: '张店区' }, geometry: { type: 'MultiPolygon', coordinates: [[[[118, 36.8], [118.1, 36.8], [118.1, 36.9], [118, 36.8]]]] } }
	},
	subdistricts: [],
	subdistrictLabels: { type: 'FeatureCollection', features: [] },
	communities: { type: 'FeatureCollection', features: [] },
	buildings: { type: 'FeatureCollection', features: [] },
	targets: []
};
const colors = yearColors([2020, 2021, 2022]);
const styleWith = (view: View) => ({ version: 8 as const, sources: atlasSources(atlas), layers: atlasLayers({ view, yearColors: colors }) });

describe('the layer registry', () => {
	it('builds a valid MapLibre style for every colouring, filter and selection', () => {
		const views: View[] = [
			DEFAULT_VIEW,
			{ ...DEFAULT_VIEW, colorBy: 'stage', threeD: true },
			{ ...DEFAULT_VIEW, years: [2021], stages: ['construction'], subdistrict: '370303002', selection: { kind: 'building', code: 'ZD-2021-01-01' } }
		];
		for (const view of views) expect(validateStyleMin(styleWith(view))).toEqual([]);
	});

	it('draws the district below communities, communities below buildings, labels on top', () => {
		const ids = atlasLayers({ view: DEFAULT_VIEW, yearColors: colors }).map((l) => l.id);
		const at = (id: string) => ids.indexOf(id);
		expect(at(LAYERS.districtFill)).toBeLessThan(at(LAYERS.communitiesFill));
		expect(at(LAYERS.communitiesFill)).toBeLessThan(at(LAYERS.buildingsFill));
		expect(at(LAYERS.buildingsFill)).toBeLessThan(at(LAYERS.subdistrictLabels));
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('applies the same filter to every community and building layer', () => {
		const view: View = { ...DEFAULT_VIEW, years: [2022] };
		const layers = atlasLayers({ view, yearColors: colors });
		const data: string[] = [LAYERS.communitiesFill, LAYERS.communitiesLine, LAYERS.communitiesPoint, LAYERS.buildingsFill];
		const filtered = layers.filter((l) => data.includes(l.id));
		expect(filtered).toHaveLength(4);
		const filters = filtered.map((l) => JSON.stringify('filter' in l ? l.filter : null));
		expect(new Set(filters).size).toBe(1);
		expect(filters[0]).toContain('2022');
	});
});
