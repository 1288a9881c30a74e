import { readEligibility } from '$lib/server/schedule/eligibility';
import { answer } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** Eligible / needs review / not eligible with every reason; staff also get the overrides. */
export const GET: RequestHandler = async ({ params, locals }) => answer(await readEligibility(locals.caller, params.id), locals.lang);
