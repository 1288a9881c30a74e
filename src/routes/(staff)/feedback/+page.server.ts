import { error, fail } from '@sveltejs/kit';
import '$lib/i18n/feedback';
import { listPending, mayModerate, moderateFeedback } from '$lib/server/feedback/moderate';
import { requireUser } from '$lib/server/auth/guard';
import { translate } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

const READERS = ['planner', 'leader', 'admin', 'editor'];

/** Pending feedback the member sees (?community=<code> for one community): the bureau and leaders all, editors their own. */
export const load = (async (event) => {
	const { caller, user } = requireUser(event);
	if (!user.appRole || !READERS.includes(user.appRole)) error(403, translate(event.locals.lang, 'feedback.moderation.forbidden'));
	const community = event.url.searchParams.get('community') || null;
	const outcome = await listPending(caller, community);
	if (!outcome.ok) error(403, translate(event.locals.lang, 'feedback.moderation.forbidden'));
	return { ...outcome.value, community, moderates: mayModerate(caller) };
}) satisfies PageServerLoad;

/** Approve or reject one submission ({ id, decision }); row-level security decides whose. */
export const actions = {
	moderate: async (event) => {
		const { caller } = requireUser(event);
		const form = await event.request.formData();
		const id = String(form.get('id') ?? '');
		const decision = String(form.get('decision') ?? '');
		const outcome = await moderateFeedback(caller, id, decision);
		if (outcome.ok) return { moderated: outcome.value };
		const { refusal } = outcome;
		if (refusal.kind === 'forbidden') return fail(403, { error: 'feedback.moderation.forbidden' });
		if (refusal.kind === 'not_found') return fail(404, { error: 'feedback.error.notFound' });
		return fail(400, { error: refusal.kind === 'invalid' ? (refusal.fields._form?.key ?? 'feedback.error.invalid') : 'feedback.error.invalid' });
	}
} satisfies Actions;
