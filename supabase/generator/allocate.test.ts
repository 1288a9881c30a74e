import { describe, expect, it } from 'vitest';
import { largestRemainder } from './allocate';

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('largestRemainder', () => {
	it('splits a total into integers that add up exactly', () => {
		const parts = largestRemainder(246_560, [1.3, 0.7, 1.1, 0.95, 1.01]);
		expect(sum(parts)).toBe(246_560);
		expect(parts.every(Number.isInteger)).toBe(true);
	});

	it('stays within one unit of the exact proportional share', () => {
		const weights = [3, 1, 1, 2.5, 0.25];
		const total = 1000;
		const parts = largestRemainder(total, weights);
		const w = sum(weights);
		parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]) / w)).toBeLessThan(1));
	});

	it('gives each part at least the minimum', () => {
		const parts = largestRemainder(67, [10, 0.01, 0.01, 0.01, 0.01], 6);
		expect(sum(parts)).toBe(67);
		expect(Math.min(...parts)).toBe(6);
	});

	it('hands the remainder to the largest fractions, ties to the earlier part', () => {
		expect(largestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
		expect(largestRemainder(5, [0.2, 0.5, 0.3])).toEqual([1, 3, 1]);
	});

	it('splits evenly when all weights are zero', () => {
		expect(largestRemainder(7, [0, 0, 0])).toEqual([3, 2, 2]);
	});

	it('rejects impossible requests', () => {
		expect(() => largestRemainder(5, [1, 1], 3)).toThrow();
		expect(() => largestRemainder(1.5, [1])).toThrow();
		expect(() => largestRemainder(3, [])).toThrow();
		expect(() => largestRemainder(3, [1, -1])).toThrow();
	});
});
