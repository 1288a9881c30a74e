import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

describe('Rng', () => {
	it('repeats the same sequence for the same seed', () => {
		const a = new Rng(42);
		const b = new Rng(42);
		const xs = Array.from({ length: 50 }, () => a.nextUint32());
		expect(Array.from({ length: 50 }, () => b.nextUint32())).toEqual(xs);
		expect(new Rng(43).nextUint32()).not.toBe(xs[0]);
	});

	it('draws floats and integers in range, roughly uniformly', () => {
		const rng = new Rng(7);
		const counts = [0, 0, 0, 0];
		for (let i = 0; i < 4000; i++) {
			const f = rng.next();
			expect(f).toBeGreaterThanOrEqual(0);
			expect(f).toBeLessThan(1);
			const n = rng.int(1, 4);
			counts[n - 1]++;
		}
		for (const c of counts) expect(c).toBeGreaterThan(850);
	});

	it('makes valid version-4 UUIDs', () => {
		const rng = new Rng(1);
		const ids = Array.from({ length: 100 }, () => rng.uuid());
		for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('forks streams that depend only on the seed and the label', () => {
		const a = new Rng(9);
		const b = new Rng(9);
		b.next();
		b.next();
		expect(a.fork('x').next()).toBe(b.fork('x').next());
		expect(a.fork('x').next()).not.toBe(a.fork('y').next());
	});

	it('shuffles without losing or adding items', () => {
		const items = [1, 2, 3, 4, 5, 6, 7, 8];
		expect(new Rng(3).shuffle(items).sort()).toEqual(items);
	});
});
