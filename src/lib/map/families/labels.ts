import { COLORINGS } from '../colorings';
import { viewFilter } from '../filter';
import type { LayerFamily } from './types';

const SUBDISTRICTS = 'subdistrict-labels';
/** One point per community, inside its boundary: its dot, and where its name is written. */
export const POINTS = 'community-points';
/** Below this zoom a community is a few pixels wide, so a dot marks it; from it on, its name. */
export const POINT_MAX_ZOOM = 13;

// Labels need no glyph server: MapLibre 6 draws text with the browser's own fonts when the
// style names no glyphs URL, which keeps the map offline with Chinese names.
export const labels = {
	id: 'labels',
	sources: (atlas) => ({
		[SUBDISTRICTS]: { type: 'geojson', data: atlas.subdistrictLabels, attribution: '街道/镇名称 国家统计局 2023，标注位置为近似' },
		[POINTS]: {
			type: 'geojson',
			data: {
				type: 'FeatureCollection',
				features: atlas.communities.features.map((f) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: f.properties.labelPoint }, properties: f.properties }))
			}
		}
	}),
	layers: ({ view, coloring }) => {
		const filter = viewFilter(view);
		return [
			{
				id: 'communities-point',
				type: 'circle',
				source: POINTS,
				filter,
				maxzoom: POINT_MAX_ZOOM,
				paint: {
					'circle-color': COLORINGS[view.colorBy].expression(coloring),
					'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 5, 12, 8],
					'circle-stroke-color': '#ffffff',
					'circle-stroke-width': 1.5,
					'circle-opacity': ['interpolate', ['linear'], ['zoom'], POINT_MAX_ZOOM - 1, 1, POINT_MAX_ZOOM, 0]
				}
			},
			{
				id: 'subdistrict-labels',
				type: 'symbol',
				source: SUBDISTRICTS,
				maxzoom: 14,
				layout: { 'text-field': ['get', 'name'], 'text-size': 15, 'text-font': ['sans-serif'] },
				paint: { 'text-color': '#5b5141', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 }
			},
			// Names come from the points, not the boundaries: MapLibre labels a polygon once in
			// every tile it spans, so a community across a tile edge would be named twice.
			{
				id: 'community-labels',
				type: 'symbol',
				source: POINTS,
				minzoom: POINT_MAX_ZOOM,
				filter,
				layout: { 'text-field': ['get', 'name'], 'text-size': 13, 'text-font': ['sans-serif'] },
				paint: { 'text-color': '#1d1d1d', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 }
			}
		];
	},
	clickable: { 'communities-point': 'community' }
} satisfies LayerFamily;
