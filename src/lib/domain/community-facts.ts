import { z } from 'zod';
import { amount, choice, flag, todayInChina, wholeNumber } from './input';
import { LAND_TENURES, PROPERTY_MANAGEMENTS } from './types';

/**
 * The facts of a community a sub-district office (镇办) keeps up to date: its name and size,
 * the eligibility facts of DOMAIN.md §2 and its property management. What places it (code,
 * sub-district, boundary), plans it (batch year) or publishes it stays with the bureau.
 */
export const communityFactsSchema = z.object(
	{
		name: z
			.string({ error: 'edit.error.required' })
			.trim()
			.min(1, { error: 'edit.error.required' })
			.max(60, { error: 'edit.error.maxLength' }),
		households: wholeNumber(100_000),
		residents: wholeNumber(500_000).nullable(),
		// 1,000 万m² is far beyond any one community; it catches a figure typed in the wrong unit.
		floorAreaM2: amount(10_000_000),
		builtYear: wholeNumber(2100, 1900).refine((year) => year <= Number(todayInChina().slice(0, 4)), {
			error: 'edit.error.notFutureYear'
		}),
		landTenure: choice(LAND_TENURES),
		inCityOrCountySeat: flag(),
		inRedevelopmentPlan: flag(),
		mostlySelfBuilt: flag(),
		poorlyMaintained: flag(),
		lacksFacilities: flag(),
		residentsSupportPct: amount(100).nullable(),
		propertyManagement: choice(PROPERTY_MANAGEMENTS)
	},
	{ error: 'edit.error.invalid' }
);

export type CommunityFacts = z.infer<typeof communityFactsSchema>;
