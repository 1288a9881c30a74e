import { listViolations } from '$lib/server/plans/read';
import { answer } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** Every breach of the funding rule the caller may see, by community: staff only (else 403). */
export const GET: RequestHandler = async ({ locals }) => answer(await listViolations(locals.caller), locals.lang);
