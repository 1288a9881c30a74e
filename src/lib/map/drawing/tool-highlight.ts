import type { Feature, FeatureCollection, LineString, Polygon } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';

const SOURCE = 'pipe-tools';
const BLOCKED = '#e03131';
const ALLOWED = '#2f9e44';

/** What the pipeline tools show on the map: the drawn dig or section, and the segments it touches. */
export interface Highlight {
	/** The dig (its verdict colours it) or the cross-section's line. */
	drawn: LineString | Polygon;
	/** For a dig: allowed or not; for a cross-section: null. */
	allowed: boolean | null;
	/** The segments the dig touches, each blocking it or not. */
	segments: { geometry: LineString; blocks: boolean }[];
}

const LAYERS = ['pipe-tools-area', 'pipe-tools-segments', 'pipe-tools-drawn'] as const;

/**
 * Shows the tools' answer on the map, above the atlas's layers: the drawn dig red when it is
 * not allowed, green when it is (blue for a cross-section), and the renewed segments it
 * touches, thick red where the ten-year rule blocks the dig, grey where the ten years are up.
 */
export function showHighlight(map: MapLibreMap, highlight: Highlight): void {
	const colour = highlight.allowed === null ? '#1c7ed6' : highlight.allowed ? ALLOWED : BLOCKED;
	const features: Feature[] = [
		{ type: 'Feature', geometry: highlight.drawn, properties: { role: 'drawn', colour } },
		...highlight.segments.map((s): Feature => ({ type: 'Feature', geometry: s.geometry, properties: { role: 'segment', blocks: s.blocks } }))
	];
	const data: FeatureCollection = { type: 'FeatureCollection', features };
	const source = map.getSource<GeoJSONSource>(SOURCE);
	if (source) return void source.setData(data);
	map.addSource(SOURCE, { type: 'geojson', data });
	map.addLayer({
		id: 'pipe-tools-area',
		type: 'fill',
		source: SOURCE,
		filter: ['all', ['==', ['get', 'role'], 'drawn'], ['==', ['geometry-type'], 'Polygon']],
		paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.18 }
	});
	map.addLayer({
		id: 'pipe-tools-segments',
		type: 'line',
		source: SOURCE,
		filter: ['==', ['get', 'role'], 'segment'],
		layout: { 'line-cap': 'round', 'line-join': 'round' },
		paint: { 'line-color': ['case', ['get', 'blocks'], BLOCKED, '#868e96'], 'line-width': ['case', ['get', 'blocks'], 7, 4], 'line-opacity': 0.9 }
	});
	map.addLayer({
		id: 'pipe-tools-drawn',
		type: 'line',
		source: SOURCE,
		filter: ['==', ['get', 'role'], 'drawn'],
		layout: { 'line-cap': 'round', 'line-join': 'round' },
		paint: { 'line-color': ['get', 'colour'], 'line-width': 3, 'line-dasharray': [2, 1] }
	});
}

/** Removes the tools' answer from the map. */
export function clearHighlight(map: MapLibreMap): void {
	for (const id of LAYERS) if (map.getLayer(id)) map.removeLayer(id);
	if (map.getSource(SOURCE)) map.removeSource(SOURCE);
}
