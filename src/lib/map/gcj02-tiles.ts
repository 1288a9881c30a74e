/**
 * GCJ-02 basemaps (AutoNavi/Amap, Tencent) drawn in WGS84: each tile MapLibre asks for is
 * composed from the GCJ-02 tiles that show the same ground, moved by the GCJ-02 offset at
 * the tile's centre. Our data, the camera and every coordinate a user draws or clicks stay
 * WGS84 as stored; only the basemap's pixels move.
 *
 * One translation per tile is enough: the offset changes by under 0.3 % of the distance
 * travelled, so across a 256-pixel tile the pixels are at most 0.7 px from where the exact
 * transform puts them (gcj02-tiles.test.ts measures it at every zoom).
 */
import type { AddProtocolAction } from 'maplibre-gl';
import { wgs84ToGcj02 } from '../geo/gcj02';
import { GCJ02_PROTOCOL } from './basemap';

export const TILE = 256;

/** A WGS84 position in world pixels of Web Mercator at zoom z. */
export function worldPixel([lng, lat]: readonly [number, number], z: number): [number, number] {
	const size = TILE * 2 ** z;
	const sin = Math.sin((lat * Math.PI) / 180);
	return [((lng + 180) / 360) * size, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size];
}

/** The WGS84 position at a world pixel of zoom z. */
export function lngLatAt([px, py]: readonly [number, number], z: number): [number, number] {
	const size = TILE * 2 ** z;
	const n = Math.PI - (2 * Math.PI * py) / size;
	return [(px / size) * 360 - 180, (180 / Math.PI) * Math.atan(Math.sinh(n))];
}

/** How far (world pixels) the GCJ-02 basemap draws the ground at the centre of tile z/x/y from where WGS84 has it. */
export function tileShift(z: number, x: number, y: number): [number, number] {
	const centre = lngLatAt([(x + 0.5) * TILE, (y + 0.5) * TILE], z);
	const [wx, wy] = worldPixel(centre, z);
	const [gx, gy] = worldPixel(wgs84ToGcj02(centre), z);
	return [gx - wx, gy - wy];
}

/**
 * The GCJ-02 tiles a WGS84 tile is composed of, with where each is drawn on it: the output's
 * pixel (u, v) shows the GCJ-02 world pixel (x·256 + u + dx, y·256 + v + dy).
 */
export function sourceTiles(z: number, x: number, y: number): { x: number; y: number; left: number; top: number }[] {
	const [dx, dy] = tileShift(z, x, y);
	const [left, top] = [x * TILE + dx, y * TILE + dy];
	const count = 2 ** z;
	const tiles = [];
	for (let ty = Math.floor(top / TILE); ty * TILE < top + TILE; ty++) {
		for (let tx = Math.floor(left / TILE); tx * TILE < left + TILE; tx++) {
			if (ty < 0 || ty >= count) continue;
			tiles.push({ x: ((tx % count) + count) % count, y: ty, left: tx * TILE - left, top: ty * TILE - top });
		}
	}
	return tiles;
}

const fill = (template: string, z: number, x: number, y: number) => template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));

/** Loads `gcj02://{z}/{x}/{y}/<encoded template>` tiles (see basemap.ts) as shifted images. */
export const loadShiftedTile: AddProtocolAction = async (params, abort) => {
	const match = /^[a-z0-9]+:\/\/(\d+)\/(\d+)\/(\d+)\/(.+)$/.exec(params.url);
	if (!match) throw new Error(`not a shifted tile URL: ${params.url}`);
	const [z, x, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const template = decodeURIComponent(match[4]);
	const canvas = new OffscreenCanvas(TILE, TILE);
	const context = canvas.getContext('2d');
	if (!context) throw new Error('no 2D canvas');
	const parts = await Promise.all(
		sourceTiles(z, x, y).map(async (tile) => {
			const response = await fetch(fill(template, z, tile.x, tile.y), { signal: abort.signal, mode: 'cors' });
			// A missing neighbour leaves its part of the tile empty, as a missing tile would.
			return response.ok ? { tile, image: await createImageBitmap(await response.blob()) } : null;
		})
	);
	for (const part of parts) if (part) context.drawImage(part.image, part.tile.left, part.tile.top);
	return { data: canvas.transferToImageBitmap() };
};

/** Registers the loader with MapLibre, once. */
export function registerShiftedTiles(maplibre: { addProtocol(name: string, action: AddProtocolAction): void }): void {
	maplibre.addProtocol(GCJ02_PROTOCOL, loadShiftedTile);
}
