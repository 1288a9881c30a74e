/**
 * Places community compounds near their sub-district's label point: inside the district
 * outline with a margin, and apart from each other, trying random spots that widen
 * outwards until one fits.
 */
import type { XY } from './frame';
import { booleanIntersects, booleanWithin, polygon } from '@turf/turf';
import { rectangle } from './polygon';
import type { Rng } from './rng';

export interface PlacementRequest {
	anchor: XY;
	widthM: number;
	heightM: number;
}

export interface Placement {
	centre: XY;
	/** Rotation of the compound and its rows, radians counter-clockwise. */
	angle: number;
	/** The compound's boundary ring, closed, counter-clockwise, in metres. */
	ring: XY[];
}

/** Distance kept from the district outline. */
const OUTLINE_MARGIN_M = 60;
/** Half the ≥ 30 m gap between compounds, plus slack for coordinate rounding. */
const HALF_GAP_M = 16;
const MAX_RADIUS_M = 3000;
const ATTEMPTS = 400;
const MAX_ANGLE = (15 * Math.PI) / 180;

export function placeCommunities(
	rng: Rng,
	outline: readonly XY[],
	requests: readonly PlacementRequest[]
): Placement[] {
	// turf's predicates are planar, so they hold in this metric frame as in degrees.
	const district = polygon([[...outline]]);
	const buffers: ReturnType<typeof polygon>[] = [];
	return requests.map((req, n) => {
		const angle = rng.float(-MAX_ANGLE, MAX_ANGLE);
		for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
			// Start close to the anchor and widen the search with each failed attempt.
			const radius = MAX_RADIUS_M * Math.min(1, 0.25 + attempt / ATTEMPTS) * Math.sqrt(rng.next());
			const bearing = rng.float(0, 2 * Math.PI);
			const centre: XY = [req.anchor[0] + radius * Math.cos(bearing), req.anchor[1] + radius * Math.sin(bearing)];
			const margin = 2 * OUTLINE_MARGIN_M;
			const withMargin = rectangle(centre, req.widthM + margin, req.heightM + margin, angle);
			if (!booleanWithin(polygon([withMargin]), district)) continue;
			const buffer = polygon([rectangle(centre, req.widthM + 2 * HALF_GAP_M, req.heightM + 2 * HALF_GAP_M, angle)]);
			if (buffers.some((other) => booleanIntersects(buffer, other))) continue;
			buffers.push(buffer);
			return { centre, angle, ring: rectangle(centre, req.widthM, req.heightM, angle) };
		}
		throw new Error(`no room found for community ${n + 1} near its sub-district`);
	});
}

/** Move a point of a compound's own frame (centre 0,0, unrotated) into place. */
export function toPlaced(placement: Placement, [x, y]: XY): XY {
	const c = Math.cos(placement.angle);
	const s = Math.sin(placement.angle);
	return [placement.centre[0] + x * c - y * s, placement.centre[1] + x * s + y * c];
}
