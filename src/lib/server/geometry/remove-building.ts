import { z } from 'zod';
import { fieldErrors } from '$lib/domain/input';
import { rightsOver } from '$lib/domain/permissions';
import type { Caller, Database } from '../db';
import { isRowId, refuse, type Outcome } from '../writes/outcome';
import { forbiddenFor, runAs } from '../writes/run';

const removalSchema = z.object({ version: z.int({ error: 'edit.error.version' }).min(1, { error: 'edit.error.version' }) }, { error: 'edit.error.invalid' });

/**
 * Removes building `id` (a demolished one, or one drawn by mistake) if it is still at the
 * version the caller saw: editors in their own sub-districts, planners and admins anywhere
 * (the delete policy decides; the record keeps the whole row). 409 when it has changed since,
 * with its version as it stands.
 */
export async function removeBuilding(caller: Caller, id: string, body: unknown, db?: Database): Promise<Outcome<{ removed: string }>> {
	const parsed = removalSchema.safeParse(body);
	if (!parsed.success) return { ok: false, refusal: { kind: 'invalid', fields: fieldErrors(parsed.error) } };
	if (!isRowId(id)) return { ok: false, refusal: { kind: 'not_found' } };
	return runAs(caller, db, async (tx) => {
		const [row] = await tx.query<{ version: number; subdistrict_code: string }>(
			`select b.version, c.subdistrict_code from public.buildings b join public.communities c on c.id = b.community_id where b.id = $1`,
			[id]
		);
		if (!row) return refuse({ kind: 'not_found' });
		const actor = caller.role === 'authenticated' ? caller : null;
		if (caller.role !== 'service_role' && !rightsOver(actor, row.subdistrict_code).geometry) return refuse(forbiddenFor(caller));
		const removed = await tx.query<{ id: string }>(`delete from public.buildings where id = $1 and version = $2 returning id`, [id, parsed.data.version]);
		if (removed.length) return { removed: id };
		return refuse({ kind: 'conflict', changes: [], current: { version: row.version } });
	});
}
