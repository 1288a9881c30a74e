import { readPublication, setPublication } from '$lib/server/communities/publication';
import { answer, jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => answer(await readPublication(locals.caller, params.id), locals.lang);

/** { published: true | false }: planners and admins; 403 for anyone else. */
export const POST: RequestHandler = async ({ params, locals, request }) =>
	answer(await setPublication(locals.caller, params.id, await jsonBody(request)), locals.lang);
