import { describe, expect, it } from 'vitest';
import { swiped } from './sheet';

describe('a swipe on the sheet handle', () => {
	it('moves one height up or down', () => {
		expect(swiped('peek', -80)).toBe('half');
		expect(swiped('half', -80)).toBe('full');
		expect(swiped('full', 80)).toBe('half');
		expect(swiped('half', 80)).toBe('peek');
	});
	it('stops at the ends', () => {
		expect(swiped('full', -200)).toBe('full');
		expect(swiped('peek', 200)).toBe('peek');
	});
	it('takes a small movement for a tap, not a swipe', () => {
		expect(swiped('half', -10)).toBe('half');
		expect(swiped('half', 31)).toBe('half');
		expect(swiped('half', 32)).toBe('peek');
	});
});
