/**
 * Shapes the generator lays out in metres, and the rounding that keeps rings valid when
 * they are written with 7 decimals. Rings are closed (first position repeated last) as in
 * GeoJSON. Containment and overlap are turf's (see place.ts).
 */
import type { XY } from './frame';

type Pt = readonly number[];

/** A closed counter-clockwise rectangle centred on `center`, rotated by `angle` radians. */
export function rectangle(center: XY, width: number, height: number, angle: number): XY[] {
	const c = Math.cos(angle);
	const s = Math.sin(angle);
	const corners: XY[] = [
		[-width / 2, -height / 2],
		[width / 2, -height / 2],
		[width / 2, height / 2],
		[-width / 2, height / 2]
	];
	const ring = corners.map(([x, y]): XY => [center[0] + x * c - y * s, center[1] + x * s + y * c]);
	return [...ring, ring[0]];
}

/** Round to 7 decimals (≈ 1 cm), the precision the seed stores. */
export function round7(v: number): number {
	return Math.round(v * 1e7) / 1e7;
}

/**
 * Round every position of a ring and drop consecutive duplicates that rounding creates,
 * keeping the ring closed.
 */
export function roundRing(ring: readonly Pt[]): [number, number][] {
	const out: [number, number][] = [];
	for (const p of ring) {
		const q: [number, number] = [round7(p[0]), round7(p[1])];
		const last = out[out.length - 1];
		if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
	}
	const first = out[0];
	const last = out[out.length - 1];
	if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
	return out;
}
