/**
 * The open ground of one demo compound, where facilities can go: inside its boundary, off
 * its buildings and off what has been placed already, and — for structures — outside the
 * pipeline clearances of GB 50289 (supabase/migrations/20261130091100_pipe_clearances.sql).
 * Works in the compound's own metric frame (centre 0,0, x along its first boundary edge),
 * where the boundary and the buildings are axis-parallel rectangles (place.ts, layout.ts),
 * so a facility is an axis-parallel box too.
 */
import type { Point, Polygon } from 'geojson';
import type { PipelineType } from '../../src/lib/domain/enums.gen';
import type { LocalFrame, XY } from './frame';
import { round7 } from './polygon';
import type { Rng } from './rng';
import type { SeedBuilding, SeedCommunity } from './types';
import type { SeedPipeSegment } from './pipes';

/** The migration's default clearances (m) from a building or structure to each network. */
export const DEFAULT_CLEARANCE_M: Record<PipelineType, number> = {
	water: 1.0,
	rain: 2.5,
	sewage: 2.5,
	gas: 1.0,
	heat: 3.0,
	power: 0.6,
	telecom: 1.0
};

/** Kept beyond a clearance: the frame's scale error and 7-decimal rounding are centimetres. */
export const CLEARANCE_MARGIN_M = 0.5;
/** From a building's wall, and from the compound's wall. */
const FROM_BUILDING_M = 2;
const FROM_BOUNDARY_M = 2;
/** Between two facilities. */
const BETWEEN_M = 1.5;
const TRIES = 800;

export interface Box {
	x0: number;
	x1: number;
	y0: number;
	y1: number;
}

interface Pipe {
	type: PipelineType;
	points: XY[];
	bounds: Box;
}

const rotate = ([x, y]: XY, angle: number): XY => [x * Math.cos(angle) - y * Math.sin(angle), x * Math.sin(angle) + y * Math.cos(angle)];

function boxOf(points: readonly XY[]): Box {
	const xs = points.map((p) => p[0]);
	const ys = points.map((p) => p[1]);
	return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

/** The gap between two boxes (0 when they meet). */
export function boxGap(a: Box, b: Box): number {
	const dx = Math.max(0, a.x0 - b.x1, b.x0 - a.x1);
	const dy = Math.max(0, a.y0 - b.y1, b.y0 - a.y1);
	return Math.hypot(dx, dy);
}

function pointSegment(p: XY, a: XY, b: XY): number {
	const [vx, vy] = [b[0] - a[0], b[1] - a[1]];
	const length2 = vx * vx + vy * vy;
	const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * vx + (p[1] - a[1]) * vy) / length2));
	return Math.hypot(p[0] - a[0] - t * vx, p[1] - a[1] - t * vy);
}

/** Whether the segment a–b enters the box (Liang–Barsky clipping). */
function segmentEnters(a: XY, b: XY, box: Box): boolean {
	let t0 = 0;
	let t1 = 1;
	const d: XY = [b[0] - a[0], b[1] - a[1]];
	const edges: [number, number][] = [
		[-d[0], a[0] - box.x0],
		[d[0], box.x1 - a[0]],
		[-d[1], a[1] - box.y0],
		[d[1], box.y1 - a[1]]
	];
	for (const [p, q] of edges) {
		if (p === 0) {
			if (q < 0) return false;
		} else {
			const r = q / p;
			if (p < 0) t0 = Math.max(t0, r);
			else t1 = Math.min(t1, r);
			if (t0 > t1) return false;
		}
	}
	return true;
}

/** The distance in plan from a box (a point when it has no extent) to the segment a–b. */
export function boxSegment(box: Box, a: XY, b: XY): number {
	if (segmentEnters(a, b, box)) return 0;
	const corners: XY[] = [
		[box.x0, box.y0],
		[box.x1, box.y0],
		[box.x1, box.y1],
		[box.x0, box.y1]
	];
	const toBox = (p: XY) => boxGap(box, { x0: p[0], x1: p[0], y0: p[1], y1: p[1] });
	return Math.min(toBox(a), toBox(b), ...corners.map((c) => pointSegment(c, a, b)));
}

export class FreeSpace {
	private readonly centre: XY;
	private readonly angle: number;
	private readonly bound: Box;
	private readonly buildings: Box[];
	private readonly pipes: Pipe[];
	private readonly taken: Box[] = [];

	constructor(
		private readonly frame: LocalFrame,
		community: SeedCommunity,
		buildings: readonly SeedBuilding[],
		/** The community's pipes; abandoned ones are ignored, as the clearance check ignores them. */
		segments: readonly SeedPipeSegment[]
	) {
		// place.ts's rectangle(): corners south-west, south-east, north-east, north-west.
		const corners = community.boundary.coordinates[0][0].slice(0, 4).map((p) => frame.toXY([p[0], p[1]]));
		this.centre = [corners.reduce((s, p) => s + p[0], 0) / 4, corners.reduce((s, p) => s + p[1], 0) / 4];
		this.angle = Math.atan2(corners[1][1] - corners[0][1], corners[1][0] - corners[0][0]);
		this.bound = boxOf(corners.map((p) => this.toLocal(p)));
		this.buildings = buildings.map((b) => boxOf(b.footprint.coordinates[0].map((p) => this.toLocal(frame.toXY([p[0], p[1]])))));
		this.pipes = segments
			.filter((s) => s.state !== 'abandoned')
			.map((s) => {
				const points = s.geom.coordinates.map((p) => this.toLocal(frame.toXY([p[0], p[1]])));
				return { type: s.pipelineType, points, bounds: boxOf(points) };
			});
	}

	private toLocal(p: XY): XY {
		return rotate([p[0] - this.centre[0], p[1] - this.centre[1]], -this.angle);
	}

	private toLngLat(p: XY): [number, number] {
		const r = rotate(p, this.angle);
		const [lng, lat] = this.frame.toLngLat([r[0] + this.centre[0], r[1] + this.centre[1]]);
		return [round7(lng), round7(lat)];
	}

	/** How far the box is from the nearest pipe of each type it comes near (within `reach` m). */
	pipeDistances(box: Box, reach = 10): Map<PipelineType, number> {
		const found = new Map<PipelineType, number>();
		for (const pipe of this.pipes) {
			if (boxGap(box, pipe.bounds) > reach) continue;
			for (let i = 1; i < pipe.points.length; i++) {
				const d = boxSegment(box, pipe.points[i - 1], pipe.points[i]);
				if (d < (found.get(pipe.type) ?? Infinity)) found.set(pipe.type, d);
			}
		}
		return found;
	}

	/** The networks whose clearance (plus `margin`) the box breaks. */
	clearanceBreaches(box: Box, margin = CLEARANCE_MARGIN_M): PipelineType[] {
		return [...this.pipeDistances(box)].filter(([type, d]) => d < DEFAULT_CLEARANCE_M[type] + margin).map(([type]) => type);
	}

	/** Whether a box may stand here: inside the wall, off buildings and what is placed. */
	fits(box: Box): boolean {
		const b = this.bound;
		if (box.x0 < b.x0 + FROM_BOUNDARY_M || box.x1 > b.x1 - FROM_BOUNDARY_M) return false;
		if (box.y0 < b.y0 + FROM_BOUNDARY_M || box.y1 > b.y1 - FROM_BOUNDARY_M) return false;
		if (this.buildings.some((o) => boxGap(o, box) < FROM_BUILDING_M)) return false;
		return !this.taken.some((o) => boxGap(o, box) < BETWEEN_M);
	}

	/**
	 * A free spot for a `width` × `depth` m footprint (either way round), clear of the pipes'
	 * clearances when it is a structure; taken once found. Null when none was found.
	 */
	place(rng: Rng, width: number, depth: number, structure: boolean): Box | null {
		const b = this.bound;
		for (let i = 0; i < TRIES; i++) {
			const [w, d] = rng.chance(0.5) ? [width, depth] : [depth, width];
			const x = rng.float(b.x0 + FROM_BOUNDARY_M + w / 2, b.x1 - FROM_BOUNDARY_M - w / 2);
			const y = rng.float(b.y0 + FROM_BOUNDARY_M + d / 2, b.y1 - FROM_BOUNDARY_M - d / 2);
			const box = { x0: x - w / 2, x1: x + w / 2, y0: y - d / 2, y1: y + d / 2 };
			if (!this.fits(box)) continue;
			if (structure && this.clearanceBreaches(box).length > 0) continue;
			this.taken.push(box);
			return box;
		}
		return null;
	}

	/**
	 * For the clearance demo: a spot `offset` m beside a pipe of `type`, off buildings and
	 * what is placed, that breaks as few other networks' clearances as can be found (ideally
	 * none). Taken once found.
	 */
	beside(type: PipelineType, offset: number, size: number): { box: Box; others: PipelineType[] } | null {
		let best: { box: Box; others: PipelineType[] } | null = null;
		for (const pipe of this.pipes.filter((p) => p.type === type)) {
			for (let i = 1; i < pipe.points.length; i++) {
				const [a, b] = [pipe.points[i - 1], pipe.points[i]];
				const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
				if (length < 4) continue;
				const normal: XY = [-(b[1] - a[1]) / length, (b[0] - a[0]) / length];
				for (let k = 1; k < 10; k++) {
					for (const side of [1, -1]) {
						const at: XY = [a[0] + ((b[0] - a[0]) * k) / 10 + side * offset * normal[0], a[1] + ((b[1] - a[1]) * k) / 10 + side * offset * normal[1]];
						const box = { x0: at[0], x1: at[0], y0: at[1], y1: at[1] };
						const room = { x0: at[0] - size / 2, x1: at[0] + size / 2, y0: at[1] - size / 2, y1: at[1] + size / 2 };
						if (!this.fits(room)) continue;
						const distances = this.pipeDistances(box);
						if ((distances.get(type) ?? Infinity) < offset - 0.05) continue;
						const others = [...distances]
							.filter(([t, d]) => t !== type && d < DEFAULT_CLEARANCE_M[t] + 0.2)
							.map(([t]) => t);
						if (!best || others.length < best.others.length) best = { box, others };
						if (others.length === 0) break;
					}
				}
			}
		}
		if (best) this.taken.push({ x0: best.box.x0 - size / 2, x1: best.box.x0 + size / 2, y0: best.box.y0 - size / 2, y1: best.box.y0 + size / 2 });
		return best;
	}

	polygon(box: Box): Polygon {
		const ring: XY[] = [
			[box.x0, box.y0],
			[box.x1, box.y0],
			[box.x1, box.y1],
			[box.x0, box.y1]
		];
		const coordinates = ring.map((p) => this.toLngLat(p));
		return { type: 'Polygon', coordinates: [[...coordinates, coordinates[0]]] };
	}

	point(box: Box): Point {
		return { type: 'Point', coordinates: this.toLngLat([(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2]) };
	}
}
