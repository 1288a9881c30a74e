import { describe, expect, it } from 'vitest';
import { wgs84ToGcj02 } from '$lib/geo/gcj02';
import { lngLatAt, sourceTiles, tileShift, TILE, worldPixel } from './gcj02-tiles';

const ZHANGDIAN = [118.05, 36.8] as const;

describe('GCJ-02 basemap tiles moved onto WGS84', () => {
	it('converts between positions and world pixels both ways', () => {
		for (const z of [3, 12, 18]) {
			const [lng, lat] = lngLatAt(worldPixel(ZHANGDIAN, z), z);
			expect(lng).toBeCloseTo(ZHANGDIAN[0], 9);
			expect(lat).toBeCloseTo(ZHANGDIAN[1], 9);
		}
	});

	it('puts every pixel of a tile within 0.7 px of where the exact transform puts it, at every zoom, across China', () => {
		let worst = 0;
		for (let z = 4; z <= 19; z++) {
			for (const place of [ZHANGDIAN, [116.4, 39.9], [121.5, 31.2], [113.3, 23.1], [87.6, 43.8]] as const) {
				const [px, py] = worldPixel(place, z);
				const [x, y] = [Math.floor(px / TILE), Math.floor(py / TILE)];
				const [dx, dy] = tileShift(z, x, y);
				for (const [u, v] of [[0, 0], [TILE, 0], [0, TILE], [TILE, TILE], [TILE / 2, TILE / 2]]) {
					const ground = lngLatAt([x * TILE + u, y * TILE + v], z);
					const [gx, gy] = worldPixel(wgs84ToGcj02(ground), z);
					worst = Math.max(worst, Math.hypot(gx - (x * TILE + u + dx), gy - (y * TILE + v + dy)));
				}
			}
		}
		expect(worst).toBeLessThan(0.7);
		expect(worst).toBeGreaterThan(0); // the translation is an approximation, and this measures it
	});

	it('moves Zhangdian some 500 m: the GCJ-02 tiles that show a tile’s ground lie east of it at street zoom', () => {
		const z = 17;
		const [px, py] = worldPixel(ZHANGDIAN, z);
		const [x, y] = [Math.floor(px / TILE), Math.floor(py / TILE)];
		const [dx] = tileShift(z, x, y);
		const metresPerPixel = (40_075_016.686 * Math.cos((ZHANGDIAN[1] * Math.PI) / 180)) / (TILE * 2 ** z);
		expect(dx * metresPerPixel).toBeGreaterThan(400);
		expect(dx * metresPerPixel).toBeLessThan(700);
		const parts = sourceTiles(z, x, y);
		// Up to four tiles cover the moved square, and together they cover all of it.
		expect(parts.length).toBeGreaterThanOrEqual(1);
		expect(parts.length).toBeLessThanOrEqual(4);
		for (const part of parts) expect(part.x).toBeGreaterThan(x);
		const covered = (u: number, v: number) => parts.some((p) => u >= p.left && u < p.left + TILE && v >= p.top && v < p.top + TILE);
		for (const [u, v] of [[0, 0], [TILE - 1, 0], [0, TILE - 1], [TILE - 1, TILE - 1], [128, 128]]) expect(covered(u, v)).toBe(true);
	});

	it('is the identity outside China, where GCJ-02 applies no offset', () => {
		const [px, py] = worldPixel([2.35, 48.85], 15);
		expect(tileShift(15, Math.floor(px / TILE), Math.floor(py / TILE))).toEqual([0, 0]);
	});
});
