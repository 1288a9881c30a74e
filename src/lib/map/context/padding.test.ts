import { describe, expect, it } from 'vitest';
import { paddingClearOf, type Rect } from './padding';

const rect = (left: number, top: number, width: number, height: number): Rect => ({ left, top, right: left + width, bottom: top + height });

describe('padding clear of the panels', () => {
	const map = rect(380, 68, 900, 732);

	it('pads the side a narrow panel hugs by its width', () => {
		// The detail panel, 1rem in from the map's top left corner.
		expect(paddingClearOf(map, [rect(396, 84, 360, 580)], 40)).toEqual({ top: 40, right: 40, bottom: 40, left: 416 });
		expect(paddingClearOf(map, [rect(1264 - 300, 84, 300, 200)], 40)).toEqual({ top: 40, right: 356, bottom: 40, left: 40 });
	});

	it('pads the bottom for a sheet across the lower part of a phone’s map, the top for one across the upper part', () => {
		const phone = rect(0, 0, 390, 500);
		expect(paddingClearOf(phone, [rect(8, 250, 374, 242)], 20)).toEqual({ top: 20, right: 20, bottom: 270, left: 20 });
		expect(paddingClearOf(phone, [rect(0, 0, 390, 60)], 20)).toEqual({ top: 80, right: 20, bottom: 20, left: 20 });
	});

	it('ignores panels off the map and takes the widest of several on one side', () => {
		const sidebar = rect(0, 68, 380, 732); // beside the map, not over it
		expect(paddingClearOf(map, [sidebar, rect(396, 84, 200, 100), rect(396, 300, 360, 100)], 40).left).toBe(416);
		expect(paddingClearOf(map, [sidebar], 40)).toEqual({ top: 40, right: 40, bottom: 40, left: 40 });
	});

	it('falls back to the margin alone when the panels leave too little map', () => {
		const small = rect(0, 0, 500, 400);
		expect(paddingClearOf(small, [rect(10, 10, 240, 380), rect(260, 10, 230, 380)], 20)).toEqual({ top: 20, right: 20, bottom: 20, left: 20 });
	});
});
