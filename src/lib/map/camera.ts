import bbox from '@turf/bbox';
import type { Feature, FeatureCollection } from 'geojson';
import type { LngLatBoundsLike } from 'maplibre-gl';

/** The bounds to frame a feature or a collection in, as MapLibre takes them. */
export function boundsOf(geojson: Feature | FeatureCollection): LngLatBoundsLike {
	const [west, south, east, north] = bbox(geojson);
	return [west, south, east, north];
}
