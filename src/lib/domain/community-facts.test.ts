import { describe, expect, it } from 'vitest';
import { communityFactsSchema, type CommunityFacts } from './community-facts';
import { fieldErrors } from './input';

const valid: CommunityFacts = {
	name: '玻璃制品厂家属院',
	households: 120,
	residents: 360,
	floorAreaM2: 10234.5,
	builtYear: 1992,
	landTenure: 'state_owned',
	inCityOrCountySeat: true,
	inRedevelopmentPlan: false,
	mostlySelfBuilt: false,
	poorlyMaintained: true,
	lacksFacilities: true,
	residentsSupportPct: 92.5,
	propertyManagement: 'simple'
};

const errorsOf = (input: unknown) => {
	const result = communityFactsSchema.safeParse(input);
	return result.success ? {} : fieldErrors(result.error);
};

describe('community facts', () => {
	it('accept a complete, plausible community and trim its name', () => {
		expect(communityFactsSchema.parse({ ...valid, name: ' 光明小区 ' }).name).toBe('光明小区');
		expect(errorsOf({ ...valid, residents: null, residentsSupportPct: null })).toEqual({});
	});

	it.each([
		['households', -1, { key: 'edit.error.min', values: { min: 0 } }],
		['households', 12.5, { key: 'edit.error.wholeNumber' }],
		['households', null, { key: 'edit.error.required' }],
		['households', '120', { key: 'edit.error.wholeNumber' }],
		['residents', 500_001, { key: 'edit.error.max', values: { max: 500_000 } }],
		['floorAreaM2', 12.345, { key: 'edit.error.twoDecimals' }],
		['floorAreaM2', Number.NaN, { key: 'edit.error.number' }],
		['builtYear', 1899, { key: 'edit.error.min', values: { min: 1900 } }],
		['builtYear', new Date().getFullYear() + 1, { key: 'edit.error.notFutureYear' }],
		['landTenure', 'leased', { key: 'edit.error.choice' }],
		['propertyManagement', undefined, { key: 'edit.error.required' }],
		['mostlySelfBuilt', 'no', { key: 'edit.error.choice' }],
		['residentsSupportPct', 100.5, { key: 'edit.error.max', values: { max: 100 } }],
		['name', '   ', { key: 'edit.error.required', values: { min: 1 } }],
		['name', '名'.repeat(61), { key: 'edit.error.maxLength', values: { max: 60 } }]
	])('refuse %s = %j with a message key', (field, value, message) => {
		expect(errorsOf({ ...valid, [field]: value })).toEqual({ [field]: message });
	});

	it('say something about a body that is not an object at all', () => {
		expect(errorsOf('households=3')).toEqual({ _form: { key: 'edit.error.invalid' } });
	});
});
