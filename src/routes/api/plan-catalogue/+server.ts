import { readCatalogue } from '$lib/server/plans/read';
import { answer } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** The renovation catalogue (public data), in the order of the implementation plan. */
export const GET: RequestHandler = async ({ locals }) => answer(await readCatalogue(locals.caller), locals.lang);
