import { describe, expect, it } from 'vitest';
import { measure } from './measure';

describe('measures of a drawn shape', () => {
	it('gives a 100 × 50 m rectangle at Zhangdian’s latitude its area and perimeter', () => {
		// 100 m east–west and 50 m north–south at 36.8° N, from the spherical degree lengths.
		const lat = 36.8;
		const mPerDegLat = (6371008.8 * Math.PI) / 180;
		const dLng = 100 / (mPerDegLat * Math.cos((lat * Math.PI) / 180));
		const dLat = 50 / mPerDegLat;
		const { areaM2, perimeterM } = measure({
			type: 'Polygon',
			coordinates: [[[118, lat], [118 + dLng, lat], [118 + dLng, lat + dLat], [118, lat + dLat], [118, lat]]]
		});
		expect(areaM2).toBeCloseTo(5000, -1);
		expect(perimeterM).toBeCloseTo(300, 0);
	});
});
