import type { LayerFamily } from './types';

const SOURCE = 'district';

export const district = {
	id: 'district',
	sources: (atlas) => ({ [SOURCE]: { type: 'geojson', data: atlas.district.outline, attribution: '区界 DataV.GeoAtlas（GCJ-02→WGS84）' } }),
	layers: () => [
		{ id: 'district-fill', type: 'fill', source: SOURCE, paint: { 'fill-color': '#f3efe6', 'fill-opacity': 1 } },
		{
			id: 'district-line',
			type: 'line',
			source: SOURCE,
			paint: { 'line-color': '#7a6f5a', 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.5, 15, 4], 'line-dasharray': [3, 1.5] }
		}
	]
} satisfies LayerFamily;
