import { configuredBasemap } from '$lib/server/basemap';
import { DICTIONARIES } from '$lib/server/i18n';
import type { LayoutServerLoad } from './$types';

// A page opened in another language than the bundled Chinese brings its messages along; every
// page knows who is signed in (nothing secret: SignedInUser is what the header shows), and
// the basemap the server is configured with (its tile URLs carry a browser key, as Tianditu
// keys are meant to: they are bound to the site's domain in the Tianditu console).
export const load = (({ locals }) => ({
	lang: locals.lang,
	dictionary: DICTIONARIES[locals.lang],
	user: locals.user,
	basemap: configuredBasemap()
})) satisfies LayoutServerLoad;
