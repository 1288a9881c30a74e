import { isAppRole } from '../../domain/roles';
import type { SignedInUser } from '$lib/domain/user';
import { asCaller, type Caller, type Database } from '../db';
import type { VerifiedIdentity } from './provider';

interface StaffRow {
	email: string;
	display_name: string;
	app_role: string;
	subdistricts: string[];
	disabled: boolean;
}

export type Member = { caller: Caller; user: SignedInUser } | { disabled: true };

/**
 * Who a verified user is in the atlas, from their public.staff row, read with their own
 * rights (a user may read their own row and, unless an admin, nobody else's). Without a row
 * they are a signed-in user with no role, who reads published data only; a disabled member
 * is treated as signed out. The same for every provider, so the claims are the same too.
 */
export async function memberOf(db: Database, identity: VerifiedIdentity): Promise<Member> {
	const self: Caller = { role: 'authenticated', userId: identity.userId, appRole: null, subdistricts: [] };
	const [row] = await asCaller(db, self, (tx) =>
		tx.query<StaffRow>(
			`select email, display_name, app_role, subdistricts, disabled_at is not null as disabled
			 from public.staff where user_id = $1`,
			[identity.userId]
		)
	);
	if (!row) {
		return {
			caller: self,
			user: { id: identity.userId, email: identity.email, displayName: identity.email, appRole: null, subdistricts: [] }
		};
	}
	if (row.disabled) return { disabled: true };
	const appRole = isAppRole(row.app_role) ? row.app_role : null;
	const subdistricts = appRole ? row.subdistricts : [];
	return {
		caller: { role: 'authenticated', userId: identity.userId, appRole, subdistricts },
		user: { id: identity.userId, email: row.email, displayName: row.display_name, appRole, subdistricts }
	};
}
