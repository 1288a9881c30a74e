import { describe, expect, it } from 'vitest';
import { DEPTH_EXAGGERATION } from './underground';
import { groundSquare, near, orbitZoom, toScene } from './below';

describe('the view from below', () => {
	const origin: [number, number] = [118.05, 36.8];
	const at = toScene(origin);

	it('puts the map centre at the origin and measures east and north in metres', () => {
		expect(at([118.05, 36.8, 0])).toEqual([0, 0, 0]);
		const [x, y] = at([118.051, 36.801]);
		// At 36.8° N a thousandth of a degree is about 89 m east and 111 m north.
		expect(x).toBeCloseTo(89.1, 0);
		expect(y).toBeCloseTo(111.3, 0);
	});

	it('stretches depth as the underground view does, below the ground plane', () => {
		expect(at([118.05, 36.8, -1.5])[2]).toBe(-1.5 * DEPTH_EXAGGERATION);
		const ground = groundSquare(origin, 10).map(at);
		expect(ground.every(([, , z]) => z === 0)).toBe(true);
		for (const [x, y] of ground) expect([Math.abs(x), Math.abs(y)].map((v) => v.toFixed(6))).toEqual(['10.000000', '10.000000']);
	});

	it('keeps lines that reach into the radius and drops those that do not', () => {
		expect(near([at([118.06, 36.8]), at([118.05, 36.801])], 200)).toBe(true);
		expect(near([at([118.06, 36.8]), at([118.06, 36.81])], 200)).toBe(false);
	});

	it('matches the map scale: one zoom level more is twice the pixels per metre', () => {
		// MapLibre at zoom 17, 36.8° N: about 0.48 m a pixel (40,075 km × cos 36.8° over 512 × 2¹⁷ pixels).
		expect(2 ** -orbitZoom(17, 36.8)).toBeCloseTo(0.478, 3);
		expect(orbitZoom(18, 36.8) - orbitZoom(17, 36.8)).toBeCloseTo(1, 10);
	});
});
