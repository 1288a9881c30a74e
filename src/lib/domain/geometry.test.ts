import { describe, expect, it } from 'vitest';
import { boundarySchema, footprintSchema, geometryCheckSchema } from './geometry';

const ring = [
	[118.05, 36.8],
	[118.051, 36.8],
	[118.051, 36.801],
	[118.05, 36.8]
];

describe('the drawn-geometry schema shared by the drawing tools and the server', () => {
	it('takes a closed GeoJSON polygon as a footprint, a polygon or multipolygon as a boundary', () => {
		expect(footprintSchema.safeParse({ footprint: { type: 'Polygon', coordinates: [ring] } }).success).toBe(true);
		expect(boundarySchema.safeParse({ boundary: { type: 'Polygon', coordinates: [ring] } }).success).toBe(true);
		expect(boundarySchema.safeParse({ boundary: { type: 'MultiPolygon', coordinates: [[ring]] } }).success).toBe(true);
	});

	it.each([
		['an open ring', { type: 'Polygon', coordinates: [ring.slice(0, -1)] }],
		['too few positions', { type: 'Polygon', coordinates: [[ring[0], ring[1], ring[0]]] }],
		['a multipolygon', { type: 'MultiPolygon', coordinates: [[ring]] }],
		['a latitude beyond the pole', { type: 'Polygon', coordinates: [[[0, 91], [1, 0], [1, 1], [0, 91]]] }],
		['text', 'POLYGON((0 0, 1 0, 1 1, 0 0))'],
		['a position of three numbers', { type: 'Polygon', coordinates: [ring.map(([x, y]) => [x, y, 0])] }]
	])('refuses %s as a footprint, with one message on the field', (_, footprint) => {
		const result = footprintSchema.safeParse({ footprint });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['footprint', 'geometry.error.shape']]);
	});

	it('leaves crossing edges to the database: a bow tie is well-formed GeoJSON', () => {
		const bowtie = [[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]];
		expect(footprintSchema.safeParse({ footprint: { type: 'Polygon', coordinates: [bowtie] } }).success).toBe(true);
	});

	it('asks the dry run for a community’s id (a uuid) and the kind of shape', () => {
		const communityId = '0c000000-0000-4000-8000-00000000000a';
		expect(geometryCheckSchema.safeParse({ kind: 'footprint', communityId, shape: { type: 'Polygon', coordinates: [ring] } }).success).toBe(true);
		expect(geometryCheckSchema.safeParse({ kind: 'footprint', communityId: 'ZD-1', shape: { type: 'Polygon', coordinates: [ring] } }).success).toBe(false);
		expect(geometryCheckSchema.safeParse({ kind: 'parcel', communityId, shape: { type: 'Polygon', coordinates: [ring] } }).success).toBe(false);
	});
});
