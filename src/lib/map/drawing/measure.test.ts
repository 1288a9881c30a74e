import { area, length, polygonToLine } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { measure } from './measure';

const lat = 36.8;
const mPerDegLat = (6371008.8 * Math.PI) / 180;
const dLng = 100 / (mPerDegLat * Math.cos((lat * Math.PI) / 180));
const dLat = 50 / mPerDegLat;
/** 100 m east–west by 50 m north–south at Zhangdian's latitude. */
const rectangle: Polygon = {
	type: 'Polygon',
	coordinates: [[[118, lat], [118 + dLng, lat], [118 + dLng, lat + dLat], [118, lat + dLat], [118, lat]]]
};
const withHole: Polygon = {
	type: 'Polygon',
	coordinates: [
		rectangle.coordinates[0],
		[[118 + dLng / 4, lat + dLat / 4], [118 + dLng / 2, lat + dLat / 4], [118 + dLng / 2, lat + dLat / 2], [118 + dLng / 4, lat + dLat / 4]]
	]
};
const irregular: Polygon = {
	type: 'Polygon',
	coordinates: [[[118.0587, 36.78754], [118.0593, 36.78754], [118.0593, 36.7877], [118.0589, 36.78781], [118.0587, 36.78766], [118.0587, 36.78754]]]
};

describe('measures of a drawn shape', () => {
	it('gives a 100 × 50 m rectangle its area and perimeter', () => {
		const { areaM2, perimeterM } = measure(rectangle);
		expect(areaM2).toBeCloseTo(5000, -1);
		expect(perimeterM).toBeCloseTo(300, 0);
	});

	it.each([
		['a rectangle', rectangle],
		['a polygon with a hole', withHole],
		['an irregular footprint', irregular]
	])('agrees with turf on %s', (_, shape) => {
		const { areaM2, perimeterM } = measure(shape);
		expect(areaM2).toBeCloseTo(area(shape), 6);
		expect(perimeterM).toBeCloseTo(length(polygonToLine(shape), { units: 'kilometers' }) * 1000, 6);
	});
});
