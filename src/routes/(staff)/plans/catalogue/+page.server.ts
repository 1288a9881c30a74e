import { error } from '@sveltejs/kit';
import { keepsCatalogue } from '$lib/domain/catalogue';
import { requireUser } from '$lib/server/auth/guard';
import { translate } from '$lib/server/i18n';
import { listKeptCatalogue } from '$lib/server/plans/catalogue';
import type { PageServerLoad } from './$types';

/**
 * The catalogue for planners and admins to keep. Others get 403 here, as the database would
 * refuse their writes anyway: this spares them a page that could not work.
 */
export const load = (async (event) => {
	const { caller, user } = requireUser(event);
	if (!keepsCatalogue(user)) error(403, translate(event.locals.lang, 'edit.refused.read_only_role'));
	const outcome = await listKeptCatalogue(caller);
	if (!outcome.ok) error(403, translate(event.locals.lang, 'edit.refused.read_only_role'));
	return { items: outcome.value };
}) satisfies PageServerLoad;
