import type { Feature, MultiPolygon, Polygon } from 'geojson';

/**
 * The bounds to frame an area in, as MapLibre takes them ([west, south, east, north]).
 * Written out rather than taken from @turf/bbox: the map only frames polygons, and turf's
 * general walk over every geometry type cost the public page about 1 KiB gzip of its budget.
 */
export function boundsOf(feature: Feature<Polygon | MultiPolygon>): [number, number, number, number] {
	const { geometry } = feature;
	const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
	const bounds: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const ring of rings) {
		for (const [lng, lat] of ring) {
			bounds[0] = Math.min(bounds[0], lng);
			bounds[1] = Math.min(bounds[1], lat);
			bounds[2] = Math.max(bounds[2], lng);
			bounds[3] = Math.max(bounds[3], lat);
		}
	}
	return bounds;
}
