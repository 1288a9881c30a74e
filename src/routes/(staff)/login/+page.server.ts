import { fail, redirect } from '@sveltejs/kit';
import { signInSchema } from '$lib/domain/sign-in';
import { signIn } from '$lib/server/auth';
import { safeNext } from '$lib/server/auth/safe-next';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'), url.origin);
	if (locals.user) redirect(303, next);
	return {
		notice: url.searchParams.has('expired') ? 'auth.expired' : url.searchParams.has('signedout') ? 'auth.signedOut' : null,
		// Going on without signing in makes sense only towards the public map.
		publicPage: next === '/' || next.startsWith('/?') ? next : '/'
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const typed = form.get('email');
		const email = typeof typed === 'string' ? typed.trim() : '';
		const parsed = signInSchema.safeParse({ email: form.get('email'), password: form.get('password') });
		if (!parsed.success) return fail(400, { email, error: parsed.error.issues[0].message, minutes: 0 });

		const result = await signIn(event, parsed.data.email, parsed.data.password);
		if (result.ok) redirect(303, safeNext(event.url.searchParams.get('next'), event.url.origin));
		if (result.reason === 'rate_limited') {
			return fail(429, { email, error: 'auth.errors.rateLimited', minutes: Math.ceil(result.retryAfterS / 60) });
		}
		return fail(result.reason === 'disabled' ? 403 : 400, { email, error: `auth.errors.${result.reason}`, minutes: 0 });
	}
} satisfies Actions;
