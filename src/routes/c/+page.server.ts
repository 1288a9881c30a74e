import { error } from '@sveltejs/kit';
import { readPublicDirectory } from '$lib/server/public/directory';
import type { PageServerLoad } from './$types';

/**
 * Every community the caller may see, with its search keys, and ?q= as typed. The list is
 * small (tens of communities), so the page gets all of it and filters as one types; without
 * JavaScript the form's GET comes back here and the server renders the matches of ?q=.
 */
export const load = (async ({ locals, url }) => {
	const outcome = await readPublicDirectory(locals.caller);
	if (!outcome.ok) error(500);
	const q = (url.searchParams.get('q') ?? '').slice(0, 60);
	return { q, entries: outcome.value };
}) satisfies PageServerLoad;
