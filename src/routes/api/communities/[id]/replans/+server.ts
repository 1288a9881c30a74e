import { readReplans } from '$lib/server/schedule/replans';
import { answer } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** The re-plans of the community's milestones with their reasons, for staff; [] for the public. */
export const GET: RequestHandler = async ({ params, locals }) => answer(await readReplans(locals.caller, params.id), locals.lang);
