import { redirect } from '@sveltejs/kit';
import { signOut } from '$lib/server/auth';
import type { RequestHandler } from './$types';

/**
 * Signs out: this browser, or with `scope=everywhere` every session of the member. A POST
 * from the account panel (/login), never a GET, so a link or a prefetch signs nobody out;
 * SvelteKit refuses form posts from other origins.
 */
export const POST: RequestHandler = async (event) => {
	const form = await event.request.formData();
	await signOut(event, form.get('scope') === 'everywhere');
	redirect(303, '/login?signedout=1');
};

/** The choices (here or everywhere) are on the account panel. */
export const GET: RequestHandler = () => redirect(303, '/login');
