// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Locale } from '$lib/i18n';
import type { Caller } from '$lib/server/db';
import type { SignedInUser } from '$lib/domain/user';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Set when the database could not serve the request: the answer is a 503. */
			code?: 'unavailable';
		}
		interface Locals {
			lang: Locale;
			/**
			 * Who this request acts as, built once by hooks.server.ts from a verified session
			 * (anon without one). Every loader, action and endpoint passes it on; none makes one up.
			 */
			caller: Caller;
			/** The signed-in member of staff, for the UI; null for the public. */
			user: SignedInUser | null;
			/** The request carried a session that has expired or was ended elsewhere. */
			sessionEnded?: boolean;
			/** The database could not serve this request (handleError sets it; handle answers 503). */
			databaseUnavailable?: boolean;
		}
	}
}

export {};
