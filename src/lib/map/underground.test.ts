import { describe, expect, it } from 'vitest';
import { DEPTH_EXAGGERATION, pipeWidthM, undergroundPath } from './underground';

describe('the underground view', () => {
	it('stretches depths by the stated exaggeration and keeps the plan position', () => {
		expect(undergroundPath([[118.05, 36.8, -1.2], [118.06, 36.81, -1.5]])).toEqual([
			[118.05, 36.8, -1.2 * DEPTH_EXAGGERATION],
			[118.06, 36.81, -1.5 * DEPTH_EXAGGERATION]
		]);
	});

	it('draws a pipe as wide as its diameter, a duct as its section', () => {
		expect(pipeWidthM({ diameter_mm: 300, section: null })).toBe(0.3);
		expect(pipeWidthM({ diameter_mm: null, section: '600×400' })).toBe(0.6);
		expect(pipeWidthM({ diameter_mm: null, section: 'unknown' })).toBe(0.2);
	});
});
