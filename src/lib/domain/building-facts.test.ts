import { describe, expect, it } from 'vitest';
import { buildingFactsSchema } from './building-facts';
import { fieldErrors } from './input';

const valid = { floors: 6, units: 3, households: 36, elevator: 'none' };
const errorsOf = (input: unknown) => {
	const result = buildingFactsSchema.safeParse(input);
	return result.success ? {} : fieldErrors(result.error);
};

describe('building facts', () => {
	it('accept a six-storey walk-up and every elevator state', () => {
		for (const elevator of ['none', 'existing', 'retrofit_planned', 'retrofitted']) expect(errorsOf({ ...valid, elevator })).toEqual({});
	});

	it.each([
		['floors', 0, { key: 'edit.error.min', values: { min: 1 } }],
		['floors', 61, { key: 'edit.error.max', values: { max: 60 } }],
		['units', 0, { key: 'edit.error.min', values: { min: 1 } }],
		['households', -2, { key: 'edit.error.min', values: { min: 0 } }],
		['elevator', 'lift', { key: 'edit.error.choice' }]
	])('refuse %s = %j', (field, value, message) => {
		expect(errorsOf({ ...valid, [field]: value })).toEqual({ [field]: message });
	});

	it('do not take a height: it follows the floors on the server', () => {
		expect(buildingFactsSchema.parse({ ...valid, heightM: 99 })).not.toHaveProperty('heightM');
	});
});
