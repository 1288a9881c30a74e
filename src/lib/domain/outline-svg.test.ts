import { describe, expect, it } from 'vitest';
import { outlineShapes } from './outline-svg';

const square = (x: number, y: number, side: number) => [
	[
		[x, y],
		[x + side, y],
		[x + side, y + side],
		[x, y + side],
		[x, y]
	]
];

describe('outlineShapes', () => {
	// A block 0.002° of latitude tall and 0.002°/cos(36.8°) wide is square on the ground.
	const lat = 36.8;
	const wide = 0.002 / Math.cos((lat * Math.PI) / 180);
	const boundary = {
		type: 'MultiPolygon' as const,
		coordinates: [
			[
				[
					[118, lat],
					[118 + wide, lat],
					[118 + wide, lat + 0.002],
					[118, lat + 0.002],
					[118, lat]
				]
			]
		]
	};

	it('keeps a square block square, north up, inside the padding', () => {
		const shapes = outlineShapes(boundary, [], 320, 10);
		expect(shapes.height).toBe(320);
		expect(shapes.boundary).toBe('M10 310L310 310L310 10L10 10Z');
	});

	it('draws buildings in the same frame', () => {
		const shapes = outlineShapes(boundary, [{ type: 'Polygon', coordinates: square(118, lat, 0.001) }], 320, 10);
		// The building's south-west corner is the block's; it reaches half way up.
		expect(shapes.buildings[0]).toMatch(/^M10 310L[\d.]+ 310L[\d.]+ 160L10 160Z$/);
	});

	it('keeps a very wide community from becoming a sliver', () => {
		const flat = { type: 'MultiPolygon' as const, coordinates: [square(118, lat, 0.01).map((r) => r.map(([x, y]) => [x, y === lat ? y : lat + 0.0005]))] };
		expect(outlineShapes(flat, []).height).toBe(144);
	});
});
