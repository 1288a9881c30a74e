import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { SignedInUser } from '$lib/domain/user';
import { translate } from '../i18n';
import type { Caller } from '../db';
import { loginUrl } from './safe-next';

type Signed = { caller: Caller; user: SignedInUser };

/** The signed-in member of the request, or a redirect to the sign-in page and back. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): Signed {
	const { caller, user, sessionEnded } = event.locals;
	if (!user) redirect(303, loginUrl(event.url, sessionEnded));
	return { caller, user };
}

/**
 * An admin's request, or 403. The pages mirror the database here, which refuses other
 * callers anyway: this only spares them a form that could not succeed.
 */
export function requireAdmin(event: Pick<RequestEvent, 'locals' | 'url'>): Signed {
	const signed = requireUser(event);
	if (signed.user.appRole !== 'admin') error(403, translate(event.locals.lang, 'admin.forbidden'));
	return signed;
}
