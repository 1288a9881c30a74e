// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Set when the database could not serve the request: the answer is a 503. */
			code?: 'unavailable';
		}
		interface Locals {
			lang: Locale;
			/** The database could not serve this request (handleError sets it; handle answers 503). */
			databaseUnavailable?: boolean;
		}
	}
}

export {};
