/**
 * Planar polygon helpers for the generator: orientation, point-in-polygon, containment and
 * overlap of convex shapes, and rounding that keeps rings valid. Rings are closed (first
 * position repeated last) as in GeoJSON.
 */
import type { XY } from './frame';

type Pt = readonly number[];

/** Twice the signed area: positive for counter-clockwise rings. */
export function signedArea2(ring: readonly Pt[]): number {
	let s = 0;
	for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	return s;
}

/**
 * RFC 7946 orientation: outer rings counter-clockwise, holes clockwise. DataV publishes
 * clockwise outer rings, hence this.
 */
export function rewindPolygon<P extends Pt>(rings: readonly (readonly P[])[]): P[][] {
	return rings.map((ring, i) => {
		const ccw = signedArea2(ring) > 0;
		const wantCcw = i === 0;
		return ccw === wantCcw ? [...ring] : [...ring].reverse();
	});
}

/** Ray casting; points exactly on an edge may go either way (callers keep margins). */
export function pointInRing([x, y]: Pt, ring: readonly Pt[]): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

function cross(o: Pt, a: Pt, b: Pt): number {
	return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** Whether segments ab and cd cross or touch. */
export function segmentsIntersect(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
	const d1 = cross(c, d, a);
	const d2 = cross(c, d, b);
	const d3 = cross(a, b, c);
	const d4 = cross(a, b, d);
	if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
	const onSegment = (p: Pt, q: Pt, r: Pt) =>
		Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1]);
	return (
		(d1 === 0 && onSegment(c, d, a)) ||
		(d2 === 0 && onSegment(c, d, b)) ||
		(d3 === 0 && onSegment(a, b, c)) ||
		(d4 === 0 && onSegment(a, b, d))
	);
}

/** Whether a ring lies strictly inside another (no vertex outside, no edges touching). */
export function ringWithin(inner: readonly Pt[], outer: readonly Pt[]): boolean {
	if (!inner.every((p) => pointInRing(p, outer))) return false;
	for (let i = 0; i + 1 < inner.length; i++) {
		for (let j = 0; j + 1 < outer.length; j++) {
			if (segmentsIntersect(inner[i], inner[i + 1], outer[j], outer[j + 1])) return false;
		}
	}
	return true;
}

/** Whether two convex rings overlap or touch (separating axis theorem). */
export function convexOverlap(a: readonly Pt[], b: readonly Pt[]): boolean {
	for (const ring of [a, b]) {
		for (let i = 0; i + 1 < ring.length; i++) {
			const nx = ring[i + 1][1] - ring[i][1];
			const ny = ring[i][0] - ring[i + 1][0];
			const project = (r: readonly Pt[]) => r.map((p) => p[0] * nx + p[1] * ny);
			const pa = project(a);
			const pb = project(b);
			if (Math.max(...pa) < Math.min(...pb) || Math.max(...pb) < Math.min(...pa)) return false;
		}
	}
	return true;
}

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
