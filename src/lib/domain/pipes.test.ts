import { describe, expect, it } from 'vitest';
import { bboxSchema } from './bbox';
import { isPipelineType } from './pipes';

describe('bboxSchema', () => {
	it('reads west, south, east, north', () => {
		expect(bboxSchema.parse('118.05,36.78,118.07,36.8')).toEqual([118.05, 36.78, 118.07, 36.8]);
	});

	it.each(['', '1,2,3', '1,2,3,4,5', 'a,36,118,37', '118,36,,37', '118.07,36.78,118.05,36.8', '118,37,119,36', '-181,0,0,1', '0,-91,1,0', 'Infinity,0,1,1'])(
		'refuses %j',
		(raw) => expect(bboxSchema.safeParse(raw).success).toBe(false)
	);
});

describe('isPipelineType', () => {
	it('knows the seven networks and nothing else', () => {
		expect(['water', 'rain', 'sewage', 'gas', 'heat', 'power', 'telecom'].every(isPipelineType)).toBe(true);
		expect(isPipelineType('oil')).toBe(false);
		expect(isPipelineType(undefined)).toBe(false);
	});
});
