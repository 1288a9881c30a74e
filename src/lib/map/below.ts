import type { Position } from 'geojson';
import { DEPTH_EXAGGERATION } from './underground';

// The view from below (从地下看): a standalone deck.gl orbit scene around the map's centre,
// because MapLibre keeps its camera above the ground. The scene is in metres east, north
// and up of the centre at ground level, so the orbit's target is where the planner looked.

/** Metres per degree of latitude; a degree of longitude is this times cos(latitude). */
const METRES_PER_DEGREE = 111_320;

/** How far around the centre the scene reaches: a community's networks, not the district's. */
export const BELOW_RADIUS_M = 350;

/** The lowest the camera may orbit: just short of straight up from under the ground. */
export const BELOW_MIN_ROTATION_X = -85;
/** Where the view opens: below the ground plane, looking up at the pipes at a slant. */
export const BELOW_START_ROTATION_X = -30;

/** A position in the scene: metres east and north of `origin`, z (minus the depth) stretched as in the underground view. */
export function toScene(origin: readonly [number, number]): (p: Position) => [number, number, number] {
	const [lng0, lat0] = origin;
	const east = METRES_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
	return ([lng, lat, z = 0]) => [(lng - lng0) * east, (lat - lat0) * METRES_PER_DEGREE, z * DEPTH_EXAGGERATION];
}

/** Whether any point of a line lies within `radius` metres of the scene's centre. */
export function near(points: [number, number, number][], radius = BELOW_RADIUS_M): boolean {
	return points.some(([x, y]) => Math.hypot(x, y) <= radius);
}

/**
 * The orbit zoom that shows the scene at the map's scale: OrbitView's zoom 0 is one unit
 * (here a metre) per pixel, MapLibre's 512-pixel world spans the equator at zoom 0.
 */
export function orbitZoom(mapZoom: number, latitude: number): number {
	const metresPerPixel = (40_075_016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** mapZoom);
	return Math.log2(1 / metresPerPixel);
}

/** The square ground plane at z = 0, `radius` metres each way of `origin`, in longitude and latitude like the pipes. */
export function groundSquare(origin: readonly [number, number], radius = BELOW_RADIUS_M): [number, number][] {
	const [lng0, lat0] = origin;
	const dLng = radius / (METRES_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180));
	const dLat = radius / METRES_PER_DEGREE;
	return [
		[lng0 - dLng, lat0 - dLat],
		[lng0 + dLng, lat0 - dLat],
		[lng0 + dLng, lat0 + dLat],
		[lng0 - dLng, lat0 + dLat]
	];
}
