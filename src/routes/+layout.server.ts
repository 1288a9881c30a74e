import { DICTIONARIES } from '$lib/server/i18n';
import type { LayoutServerLoad } from './$types';

// A page opened in another language than the bundled Chinese brings its messages along.
export const load = (({ locals }) => ({
	lang: locals.lang,
	messages: DICTIONARIES[locals.lang],
	user: locals.user
})) satisfies LayoutServerLoad;
