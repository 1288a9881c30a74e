import { bbox, booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { Atlas, CommunityProps } from '../../../src/lib/domain/types';
import type { Feature, MultiPolygon } from 'geojson';

/** The atlas as the app serves it to the map. */
export async function fetchAtlas(baseURL: string): Promise<Atlas> {
	const response = await fetch(`${baseURL}/api/atlas`);
	if (!response.ok) throw new Error(`GET /api/atlas answered ${response.status}`);
	const atlas: Atlas = await response.json();
	return atlas;
}

/**
 * Places inside a community to try clicking, best first: its centroid (or, where the shape
 * is concave, a point on its surface), then an 8×8 grid over it for when a building covers
 * the centre.
 */
export function pointsInside(feature: Feature<MultiPolygon, CommunityProps>): [number, number][] {
	const [first0, first1] = pointOnFeature(feature).geometry.coordinates;
	const points: [number, number][] = [[first0, first1]];
	const [west, south, east, north] = bbox(feature);
	for (let i = 1; i < 8; i++) {
		for (let j = 1; j < 8; j++) {
			const p: [number, number] = [west + ((east - west) * i) / 8, south + ((north - south) * j) / 8];
			if (booleanPointInPolygon(p, feature)) points.push(p);
		}
	}
	return points;
}
