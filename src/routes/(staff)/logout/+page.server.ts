import { redirect } from '@sveltejs/kit';
import { signOut } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

// Signing out is a POST (a link or a prefetch must not sign anyone out); the page itself
// offers the two kinds.
export const load = (({ locals }) => {
	if (!locals.user) redirect(303, '/');
}) satisfies PageServerLoad;

export const actions = {
	here: async (event) => {
		await signOut(event, false);
		redirect(303, '/login?signedout=1');
	},
	everywhere: async (event) => {
		await signOut(event, true);
		redirect(303, '/login?signedout=1');
	}
} satisfies Actions;
