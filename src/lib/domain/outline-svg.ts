import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { OutlineShapes } from './public-community';

/**
 * A community's boundary and buildings as SVG path data, drawn on the server so the public
 * page needs no map library: a plain equirectangular projection, east–west distances shrunk
 * by cos(latitude) so a square block stays square (good to a few metres inside one community).
 * North is up. `width` is fixed; the height follows the community's shape within limits.
 */
export function outlineShapes(boundary: MultiPolygon, buildings: Polygon[], width = 320, padding = 12): OutlineShapes {
	const rings = boundary.coordinates.flat();
	const all = rings.flat();
	if (!all.length) return { width, height: width / 2, boundary: '', buildings: [] };
	const lons = all.map((p) => p[0]);
	const lats = all.map((p) => p[1]);
	const [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
	const shrink = Math.cos((((south + north) / 2) * Math.PI) / 180);
	const spanX = Math.max((east - west) * shrink, 1e-9);
	const spanY = Math.max(north - south, 1e-9);
	// Tall communities would make a page-long picture; wide ones a sliver.
	const height = Math.round(Math.min(Math.max((width - 2 * padding) * (spanY / spanX) + 2 * padding, width * 0.45), width * 1.1));
	const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
	const offsetX = (width - spanX * scale) / 2;
	const offsetY = (height - spanY * scale) / 2;
	const point = ([lon, lat]: Position) =>
		`${round(offsetX + (lon - west) * shrink * scale)} ${round(offsetY + (north - lat) * scale)}`;
	const path = (ringsOf: Position[][]) => ringsOf.map((ring) => `M${ring.slice(0, -1).map(point).join('L')}Z`).join('');
	return { width, height, boundary: path(rings), buildings: buildings.map((b) => path(b.coordinates)) };
}

const round = (n: number) => Math.round(n * 10) / 10;
