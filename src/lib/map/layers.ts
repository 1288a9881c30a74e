import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Atlas } from '$lib/domain/types';
import { colorExpression } from './colors';
import { SELECTION_COLOR } from './palette';
import { viewFilter } from './filter';
import type { Settings } from './view';

// Every layer the atlas draws, as a pure function of the data and the view, in draw order.
// The map component only diffs this list against what is on the map.

export const SOURCES = {
	district: 'district',
	subdistricts: 'subdistrict-labels',
	communities: 'communities',
	communityPoints: 'community-points',
	buildings: 'buildings'
} as const;

export const LAYERS = {
	districtFill: 'district-fill',
	districtLine: 'district-line',
	communitiesFill: 'communities-fill',
	communitiesLine: 'communities-line',
	communitiesPoint: 'communities-point',
	buildingsFill: 'buildings-fill',
	buildingsLine: 'buildings-line',
	selectedCommunity: 'selected-community',
	selectedBuilding: 'selected-building',
	subdistrictLabels: 'subdistrict-labels',
	communityLabels: 'community-labels'
} as const;

/** Layers a click can select something on, topmost first. */
export const CLICKABLE = [LAYERS.buildingsFill, LAYERS.communitiesPoint, LAYERS.communitiesFill] as const;

/** Below this zoom a community is a few pixels wide, so a dot marks it. */
const POINT_MAX_ZOOM = 13;

export function atlasSources(atlas: Atlas): Record<string, SourceSpecification> {
	return {
		[SOURCES.district]: {
			type: 'geojson',
			data: atlas.district.outline,
			attribution: '区界 DataV.GeoAtlas（GCJ-02→WGS84）'
		},
		[SOURCES.subdistricts]: {
			type: 'geojson',
			data: atlas.subdistrictLabels,
			attribution: '街道/镇名称 国家统计局 2023，标注位置为近似'
		},
		[SOURCES.communities]: { type: 'geojson', data: atlas.communities, promoteId: 'id', attribution: '小区与楼栋：示例数据' },
		[SOURCES.communityPoints]: {
			type: 'geojson',
			data: {
				type: 'FeatureCollection',
				features: atlas.communities.features.map((f) => ({
					type: 'Feature',
					geometry: { type: 'Point', coordinates: f.properties.labelPoint },
					properties: f.properties
				}))
			}
		},
		[SOURCES.buildings]: { type: 'geojson', data: atlas.buildings, promoteId: 'id' }
	};
}

export interface LayerContext {
	view: Settings;
	yearColors: Map<number, string>;
}

// Labels need no glyph server: MapLibre 6 draws text with the browser's own fonts when the
// style names no glyphs URL, which keeps the map offline with Chinese names.
export function atlasLayers({ view, yearColors }: LayerContext): LayerSpecification[] {
	const color = colorExpression(view.colorBy, yearColors);
	const filter = viewFilter(view);
	const selectedCode = (kind: 'community' | 'building'): ExpressionSpecification =>
		['==', ['get', 'code'], view.selection?.kind === kind ? view.selection.code : ''];
	return [
		{
			id: LAYERS.districtFill,
			type: 'fill',
			source: SOURCES.district,
			paint: { 'fill-color': '#f3efe6', 'fill-opacity': 1 }
		},
		{
			id: LAYERS.districtLine,
			type: 'line',
			source: SOURCES.district,
			paint: { 'line-color': '#7a6f5a', 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.5, 15, 4], 'line-dasharray': [3, 1.5] }
		},
		{
			id: LAYERS.communitiesFill,
			type: 'fill',
			source: SOURCES.communities,
			filter,
			paint: { 'fill-color': color, 'fill-opacity': ['interpolate', ['linear'], ['zoom'], 10, 0.85, 15, 0.25] }
		},
		{
			id: LAYERS.communitiesLine,
			type: 'line',
			source: SOURCES.communities,
			filter,
			paint: { 'line-color': color, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 2, 16, 3] }
		},
		{
			id: LAYERS.communitiesPoint,
			type: 'circle',
			source: SOURCES.communityPoints,
			filter,
			maxzoom: POINT_MAX_ZOOM,
			paint: {
				'circle-color': color,
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 5, 12, 8],
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': 1.5,
				'circle-opacity': ['interpolate', ['linear'], ['zoom'], POINT_MAX_ZOOM - 1, 1, POINT_MAX_ZOOM, 0]
			}
		},
		{
			id: LAYERS.buildingsFill,
			type: 'fill',
			source: SOURCES.buildings,
			filter,
			minzoom: 12,
			paint: { 'fill-color': color, 'fill-opacity': view.threeD ? 0.35 : 0.9 }
		},
		{
			id: LAYERS.buildingsLine,
			type: 'line',
			source: SOURCES.buildings,
			filter,
			minzoom: 14,
			paint: { 'line-color': '#3d3d3d', 'line-width': 0.6 }
		},
		{
			id: LAYERS.selectedCommunity,
			type: 'line',
			source: SOURCES.communities,
			filter: selectedCode('community'),
			paint: { 'line-color': SELECTION_COLOR, 'line-width': 4 }
		},
		{
			id: LAYERS.selectedBuilding,
			type: 'line',
			source: SOURCES.buildings,
			filter: selectedCode('building'),
			paint: { 'line-color': SELECTION_COLOR, 'line-width': 3 }
		},
		{
			id: LAYERS.subdistrictLabels,
			type: 'symbol',
			source: SOURCES.subdistricts,
			maxzoom: 14,
			layout: { 'text-field': ['get', 'name'], 'text-size': 15, 'text-font': ['sans-serif'] },
			paint: { 'text-color': '#5b5141', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 }
		},
		{
			id: LAYERS.communityLabels,
			type: 'symbol',
			source: SOURCES.communities,
			minzoom: 13,
			filter,
			layout: { 'text-field': ['get', 'name'], 'text-size': 13, 'text-font': ['sans-serif'] },
			paint: { 'text-color': '#1d1d1d', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 }
		}
	];
}
