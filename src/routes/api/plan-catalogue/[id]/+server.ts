import { removeCatalogueItem, saveCatalogueItem } from '$lib/server/plans/catalogue';
import { answer, jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** Changes a catalogue item ({ version, seen, values }): 200 with the catalogue, 400, 403, 404 or 409. */
export const PUT: RequestHandler = async ({ params, locals, request }) =>
	answer(await saveCatalogueItem(locals.caller, params.id, await jsonBody(request)), locals.lang);

/** Removes an item no plan uses ({ version, seen }): 200 with the catalogue, 400 (in use: retire it), 403, 404 or 409. */
export const DELETE: RequestHandler = async ({ params, locals, request }) =>
	answer(await removeCatalogueItem(locals.caller, params.id, await jsonBody(request)), locals.lang);
