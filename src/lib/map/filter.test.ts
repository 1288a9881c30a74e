import { describe, expect, it } from 'vitest';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { matchesView, viewFilter } from './filter';
import type { Filterable } from './filter';

const features: Filterable[] = [
	{ batchYear: 2020, stage: 'archived', subdistrictCode: '370303001' },
	{ batchYear: 2021, stage: 'acceptance', subdistrictCode: '370303002' },
	{ batchYear: 2022, stage: 'construction', subdistrictCode: '370303002' },
	{ batchYear: 2022, stage: 'tendering', subdistrictCode: '370303003' },
	{ batchYear: null, stage: null, subdistrictCode: '370303003' }
];

const views = [
	{ years: [], stages: [], subdistrict: null },
	{ years: [2022], stages: [], subdistrict: null },
	{ years: [2020, 2021], stages: [], subdistrict: null },
	{ years: [], stages: ['construction' as const, 'tendering' as const], subdistrict: null },
	{ years: [2022], stages: [], subdistrict: '370303002' },
	{ years: [], stages: [], subdistrict: '370303003' }
];

describe('filtering communities and buildings', () => {
	it('keeps what matches every chosen year, stage and sub-district', () => {
		expect(features.filter(matchesView(views[1])).length).toBe(2);
		expect(features.filter(matchesView(views[4]))).toEqual([features[2]]);
		expect(features.filter(matchesView(views[0])).length).toBe(5);
	});

	it.each(views)('gives the map the same answer as the lists (%o)', (view) => {
		const onMap = featureFilter(viewFilter(view), 'filter');
		const mapResult = features.map((properties) => onMap.filter({ zoom: 12 }, { type: 'Polygon', properties: { ...properties } }));
		expect(mapResult).toEqual(features.map(matchesView(view)));
	});
});
