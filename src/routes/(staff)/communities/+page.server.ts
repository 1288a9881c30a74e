import { error } from '@sveltejs/kit';
import { isListSort } from '$lib/domain/community-list';
import { requireUser } from '$lib/server/auth/guard';
import { readCommunityList } from '$lib/server/communities/list';
import { translate } from '$lib/server/i18n';
import type { PageServerLoad } from './$types';

/** Every community the member may see, ?sort= delay (the default), name, batch or progress. */
export const load = (async (event) => {
	const { caller } = requireUser(event);
	const asked = event.url.searchParams.get('sort');
	const outcome = await readCommunityList(caller);
	if (!outcome.ok) error(403, translate(event.locals.lang, 'communityList.forbidden'));
	return { sort: isListSort(asked) ? asked : 'delay', rows: outcome.value };
}) satisfies PageServerLoad;
