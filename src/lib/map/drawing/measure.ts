import type { Polygon, Position } from 'geojson';

/** Size of a drawn shape on the ground, as the drawing tools show it while it is drawn. */
export interface Measures {
	areaM2: number;
	perimeterM: number;
}

// turf's formulas on turf's sphere (measure.test.ts checks them against @turf/area and
// @turf/length). Not turf itself: the map page already loads @turf/bbox, and a lazy chunk
// importing any turf module splits turf's shared helpers into a chunk of their own, which
// put the public page's first load over its 350 KiB budget.
const EARTH_RADIUS_M = 6371008.8;
const RAD = Math.PI / 180;

/** Chamberlain & Duquette's spherical ring area, as @turf/area computes it. */
function ringArea(ring: readonly Position[]): number {
	const n = ring.length - 1; // closed: the last position repeats the first
	if (n < 3) return 0;
	let total = 0;
	for (let i = 0; i < n; i++) {
		const lower = ring[i];
		const middle = ring[(i + 1) % n];
		const upper = ring[(i + 2) % n];
		total += (upper[0] - lower[0]) * RAD * Math.sin(middle[1] * RAD);
	}
	return Math.abs((total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

/** Great-circle (haversine) length of a ring, as @turf/length computes it. */
function ringLength(ring: readonly Position[]): number {
	let total = 0;
	for (let i = 1; i < ring.length; i++) {
		const [x1, y1] = ring[i - 1];
		const [x2, y2] = ring[i];
		const a = Math.sin(((y2 - y1) * RAD) / 2) ** 2 + Math.sin(((x2 - x1) * RAD) / 2) ** 2 * Math.cos(y1 * RAD) * Math.cos(y2 * RAD);
		total += 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * EARTH_RADIUS_M;
	}
	return total;
}

/** Area (m², holes taken out) and perimeter (m, every ring) on the sphere. */
export function measure(shape: Polygon): Measures {
	const [outer, ...holes] = shape.coordinates;
	return {
		areaM2: Math.max(0, ringArea(outer) - holes.reduce((s, h) => s + ringArea(h), 0)),
		perimeterM: shape.coordinates.reduce((s, r) => s + ringLength(r), 0)
	};
}
