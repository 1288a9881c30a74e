import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Point } from 'geojson';
import {
	gcj02ToWgs84,
	geometryGcj02ToWgs84,
	geometryWgs84ToGcj02,
	isOutOfChina,
	wgs84ToGcj02,
	type LngLat
} from './gcj02';

const EARTH_RADIUS_M = 6371008.8;

/** East and north offsets in metres from a to b (local equirectangular, fine at these scales). */
function offsetMetres(a: LngLat, b: LngLat): { east: number; north: number; distance: number } {
	const rad = Math.PI / 180;
	const east = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad) * EARTH_RADIUS_M;
	const north = (b[1] - a[1]) * rad * EARTH_RADIUS_M;
	return { east, north, distance: Math.hypot(east, north) };
}

describe('wgs84ToGcj02', () => {
	// Published test vectors of the same (Krasovsky) formula, e.g. in googollee/eviltransform.
	it.each([
		{ wgs: [121.5272106, 31.1774276], gcj: [121.531541859215, 31.17530398364597] }, // Shanghai
		{ wgs: [113.912316, 22.543847], gcj: [113.9171764808363, 22.540796131694766] }, // Shenzhen
		{ wgs: [116.377817, 39.911954], gcj: [116.38404722455657, 39.91334545536069] } // Beijing
	] satisfies { wgs: LngLat; gcj: LngLat }[])('matches the known pair at $wgs', ({ wgs, gcj }) => {
		const [lng, lat] = wgs84ToGcj02(wgs);
		expect(lng).toBeCloseTo(gcj[0], 9);
		expect(lat).toBeCloseTo(gcj[1], 9);
	});

	it('offsets Zhangdian about 540 m east and 56 m north', () => {
		const wgs: LngLat = [118.05, 36.8];
		const { east, north } = offsetMetres(wgs, wgs84ToGcj02(wgs));
		expect(east).toBeGreaterThan(520);
		expect(east).toBeLessThan(560);
		expect(north).toBeGreaterThan(40);
		expect(north).toBeLessThan(70);
	});

	it('passes positions outside China through unchanged', () => {
		for (const p of [
			[2.3522, 48.8566],
			[-74.006, 40.7128],
			[139.6917, 35.6895],
			[0, 0]
		] satisfies LngLat[]) {
			expect(isOutOfChina(p)).toBe(true);
			expect(wgs84ToGcj02(p)).toEqual(p);
			expect(gcj02ToWgs84(p)).toEqual(p);
		}
	});
});

describe('gcj02ToWgs84', () => {
	it('inverts the forward transform to well under half a metre', () => {
		for (let lng = 74; lng <= 134; lng += 6) {
			for (let lat = 18; lat <= 53; lat += 5) {
				const wgs: LngLat = [lng + 0.123, lat + 0.456];
				const back = gcj02ToWgs84(wgs84ToGcj02(wgs));
				expect(offsetMetres(wgs, back).distance).toBeLessThan(0.5);
			}
		}
	});

	it('round-trips a Zhangdian position to centimetres', () => {
		const gcj: LngLat = [118.053521, 36.807049];
		const wgs = gcj02ToWgs84(gcj);
		expect(offsetMetres(gcj, wgs84ToGcj02(wgs)).distance).toBeLessThan(0.02);
		expect(offsetMetres(wgs, gcj).east).toBeGreaterThan(500);
	});
});

describe('geometry conversion', () => {
	it('converts every position of a multipolygon and keeps its shape', () => {
		const gcj: MultiPolygon = {
			type: 'MultiPolygon',
			coordinates: [
				[
					[
						[118.0, 36.8],
						[118.1, 36.8],
						[118.1, 36.9],
						[118.0, 36.8]
					]
				]
			]
		};
		const wgs = geometryGcj02ToWgs84(gcj);
		expect(wgs.type).toBe('MultiPolygon');
		expect(wgs.coordinates[0][0]).toHaveLength(4);
		expect(wgs.coordinates[0][0][0]).toEqual(gcj02ToWgs84([118.0, 36.8]));
		// The input is not mutated.
		expect(gcj.coordinates[0][0][0]).toEqual([118.0, 36.8]);
		const back = geometryWgs84ToGcj02(wgs);
		back.coordinates[0][0].forEach((p, i) => {
			const q = gcj.coordinates[0][0][i];
			expect(offsetMetres([q[0], q[1]], [p[0], p[1]]).distance).toBeLessThan(0.02);
		});
	});

	it('keeps altitude on points', () => {
		const p: Point = { type: 'Point', coordinates: [118.05, 36.8, 42] };
		expect(geometryWgs84ToGcj02(p).coordinates[2]).toBe(42);
	});
});
