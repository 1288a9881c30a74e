import { z } from 'zod';
import { choice, wholeNumber } from './input';
import { ELEVATOR_STATES } from './types';

/**
 * The facts of a building a sub-district office keeps up to date. Its height is not asked:
 * the server scales it with the floors (see src/lib/server/buildings), because the only
 * use of the height is the 3D view, which would otherwise contradict the floors just saved.
 */
export const buildingFactsSchema = z.object(
	{
		floors: wholeNumber(60, 1),
		units: wholeNumber(99, 1),
		households: wholeNumber(2_000),
		elevator: choice(ELEVATOR_STATES)
	},
	{ error: 'edit.error.invalid' }
);

export type BuildingFacts = z.infer<typeof buildingFactsSchema>;
