import { readFunding } from '$lib/server/plans/read';
import { addFundingLine } from '$lib/server/plans/writes';
import { answer, jsonBody } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** The community's funding lines and the rule's violations: staff who may read them only (else 403). */
export const GET: RequestHandler = async ({ params, locals }) => answer(await readFunding(locals.caller, params.id), locals.lang);

/** Adds a funding line: 200 with the funding as it now stands, 400, 403 or 404. */
export const POST: RequestHandler = async ({ params, locals, request }) =>
	answer(await addFundingLine(locals.caller, params.id, await jsonBody(request)), locals.lang);
