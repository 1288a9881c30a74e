import { loadHistory } from '$lib/server/history';
import { answer } from '$lib/server/writes/http';
import type { RequestHandler } from './$types';

/** The community's record, newest first; ?before=<entry id> for older entries. 404/403 for the public. */
export const GET: RequestHandler = async ({ params, locals, url }) => {
	const before = Number(url.searchParams.get('before'));
	return answer(await loadHistory(locals.caller, params.id, { before: Number.isSafeInteger(before) && before > 0 ? before : undefined }), locals.lang);
};
