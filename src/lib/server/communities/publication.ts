import { fieldErrors } from '$lib/domain/input';
import { rightsOver } from '$lib/domain/permissions';
import { publicationSchema } from '$lib/domain/publication';
import type { Caller, Database } from '../db';
import { isRowId, refuse, type Outcome, type Refusal } from '../writes/outcome';
import { forbiddenFor, runAs } from '../writes/run';

export interface PublicationState {
	published: boolean;
	/** The community row's version after the change (an open facts form then meets a conflict). */
	version: number;
}


/** Editors hear that publishing is the bureau's, wherever the community is. */
function notYours(caller: Caller): Refusal {
	return caller.role === 'authenticated' && caller.appRole === 'editor' ? { kind: 'forbidden', reason: 'bureau_only' } : forbiddenFor(caller);
}

/**
 * Publishes or withdraws community `id` as `caller`: the bureau's decision (planners and
 * admins). The public map reads published rows per request, so it shows the change at
 * once. Refused with 404 when the caller cannot see the community and 403 when it may not
 * decide; the database judges the change itself (the update policy, and the trigger that
 * keeps `published` from editors of the community's own sub-district).
 */
export async function setPublication(caller: Caller, id: string, body: unknown, db?: Database): Promise<Outcome<PublicationState>> {
	const parsed = publicationSchema.safeParse(body);
	if (!parsed.success) return { ok: false, refusal: { kind: 'invalid', fields: fieldErrors(parsed.error) } };
	const { published } = parsed.data;

	return runAs(caller, db, async (tx) => {
		if (!isRowId(id)) return refuse({ kind: 'not_found' });
		const [before] = await tx.query<PublicationState & { subdistrict_code: string }>(
			`select published, version, subdistrict_code from public.communities where id = $1`,
			[id]
		);
		if (!before) return refuse({ kind: 'not_found' });
		// Asked for the state it is in: nothing to write (a write would raise the version for
		// nothing), so the mirror of the policies answers whether the caller could have.
		if (before.published === published) {
			const actor = caller.role === 'authenticated' ? caller : null;
			if (!rightsOver(actor, before.subdistrict_code).publish) return refuse(notYours(caller));
			return { published, version: before.version };
		}
		const [after] = await tx.query<PublicationState>(
			`update public.communities set published = $2 where id = $1 returning published, version`,
			[id, published]
		);
		return after ?? refuse(notYours(caller));
	});
}

/** Whether community `id` is published, for the planner's switch; 404 when not visible. */
export function readPublication(caller: Caller, id: string, db?: Database): Promise<Outcome<PublicationState>> {
	return runAs(caller, db, async (tx) => {
		if (!isRowId(id)) return refuse({ kind: 'not_found' });
		const [row] = await tx.query<PublicationState>(`select published, version from public.communities where id = $1`, [id]);
		return row ?? refuse({ kind: 'not_found' });
	});
}
