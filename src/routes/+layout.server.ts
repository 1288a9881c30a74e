import { DICTIONARIES } from '$lib/server/i18n';
import type { LayoutServerLoad } from './$types';

// A page opened in another language than the bundled Chinese brings its messages along; every
// page knows who is signed in (nothing secret: SignedInUser is what the header shows).
export const load = (({ locals }) => ({
	lang: locals.lang,
	dictionary: DICTIONARIES[locals.lang],
	user: locals.user
})) satisfies LayoutServerLoad;
