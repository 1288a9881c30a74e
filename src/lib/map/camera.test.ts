import bbox from '@turf/bbox';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { boundsOf } from './camera';

describe('the bounds a feature is framed in', () => {
	const polygon: Feature<Polygon> = {
		type: 'Feature',
		properties: {},
		geometry: { type: 'Polygon', coordinates: [[[118.05, 36.79], [118.06, 36.785], [118.058, 36.8], [118.05, 36.79]], [[118.055, 36.79], [118.056, 36.79], [118.056, 36.791], [118.055, 36.79]]] }
	};
	const multi: Feature<MultiPolygon> = {
		type: 'Feature',
		properties: {},
		geometry: { type: 'MultiPolygon', coordinates: [polygon.geometry.coordinates, [[[117.9, 36.9], [117.95, 36.9], [117.95, 36.95], [117.9, 36.9]]]] }
	};

	it.each([polygon, multi])('equals turf’s bbox (%#)', (feature) => {
		expect(boundsOf(feature)).toEqual(bbox(feature));
	});
});
