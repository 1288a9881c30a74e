import type { LayerFamily } from './types';

const SOURCE = 'district';

export const district = {
	id: 'district',
	sources: (atlas) => ({ [SOURCE]: { type: 'geojson', data: atlas.district.outline, attribution: '区界 DataV.GeoAtlas（GCJ-02→WGS84）' } }),
	layers: ({ basemap }) => [
		// Offline the district's own paper colour is the map; over a basemap only a faint
		// tint, so its streets and labels show everywhere inside the district.
		{ id: 'district-fill', type: 'fill', source: SOURCE, paint: { 'fill-color': '#f3efe6', 'fill-opacity': basemap ? 0.12 : 1 } },
		{
			id: 'district-line',
			type: 'line',
			source: SOURCE,
			paint: { 'line-color': '#7a6f5a', 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.5, 15, 4], 'line-dasharray': [3, 1.5] }
		}
	]
} satisfies LayerFamily;
