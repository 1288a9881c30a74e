import { addCatalogueItem } from '$lib/server/plans/catalogue';
import { readCatalogue } from '$lib/server/plans/read';
import { answer, jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** The renovation catalogue (public data), in the order of the implementation plan, retired items marked. */
export const GET: RequestHandler = async ({ locals }) => answer(await readCatalogue(locals.caller), locals.lang);

/** Adds a catalogue item (planners and admins): 200 with the whole catalogue as planners see it, 400 or 403. */
export const POST: RequestHandler = async ({ locals, request }) => answer(await addCatalogueItem(locals.caller, await jsonBody(request)), locals.lang);
