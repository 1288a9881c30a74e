import { requireUser } from '$lib/server/auth/guard';
import { listViolations } from '$lib/server/plans/read';
import type { PageServerLoad } from './$types';

/** Every breach of the funding rule the member may see; none for signed-in users without a staff role. */
export const load = (async (event) => {
	const { caller } = requireUser(event);
	const outcome = await listViolations(caller);
	if (!outcome.ok) {
		if (outcome.refusal.kind !== 'forbidden') throw new Error(`violations: ${outcome.refusal.kind}`);
		return { violations: null };
	}
	return { violations: outcome.value };
}) satisfies PageServerLoad;
