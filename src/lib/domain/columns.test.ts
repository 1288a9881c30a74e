import { describe, expect, it } from 'vitest';
import { buildingFactsSchema } from './building-facts';
import { toColumn, toField } from './columns';
import { communityFactsSchema } from './community-facts';

describe('field and column names', () => {
	it('name the columns the forms write', () => {
		expect(toColumn('floorAreaM2')).toBe('floor_area_m2');
		expect(toColumn('inCityOrCountySeat')).toBe('in_city_or_county_seat');
		expect(toColumn('residentsSupportPct')).toBe('residents_support_pct');
		expect(toField('status_as_of')).toBe('statusAsOf');
		expect(toField('height_m')).toBe('heightM');
	});

	it('go there and back for every field of the schemas', () => {
		for (const field of [...Object.keys(communityFactsSchema.shape), ...Object.keys(buildingFactsSchema.shape)]) {
			expect(toField(toColumn(field))).toBe(field);
		}
	});
});
