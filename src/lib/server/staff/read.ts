import type { AppRole } from '../../domain/roles';
import type { StaffMember, SubdistrictName } from '../../domain/staff';
import { asCaller, type Caller, type Database, type Queryable } from '../db';

interface StaffRow {
	user_id: string;
	email: string;
	display_name: string;
	app_role: AppRole;
	subdistricts: string[];
	disabled: boolean;
	version: number;
}

export const STAFF_COLUMNS = `user_id, email, display_name, app_role, subdistricts, disabled_at is not null as disabled, version`;

export function toMember(row: StaffRow): StaffMember {
	return {
		userId: row.user_id,
		email: row.email,
		displayName: row.display_name,
		appRole: row.app_role,
		subdistricts: row.subdistricts,
		disabled: row.disabled,
		version: row.version
	};
}

export async function selectMember(tx: Queryable, userId: string): Promise<StaffMember | undefined> {
	const [row] = await tx.query<StaffRow>(`select ${STAFF_COLUMNS} from public.staff where user_id = $1`, [userId]);
	return row && toMember(row);
}

/** The staff the caller may see: everyone for an admin, their own row for anyone else (RLS). */
export function listStaff(db: Database, caller: Caller): Promise<StaffMember[]> {
	return asCaller(db, caller, async (tx) =>
		(await tx.query<StaffRow>(`select ${STAFF_COLUMNS} from public.staff order by disabled_at is not null, display_name, email`)).map(toMember)
	);
}

/** The sub-districts of a district by code, for naming and choosing them. */
export function listSubdistricts(db: Database, caller: Caller, districtCode: string): Promise<SubdistrictName[]> {
	return asCaller(db, caller, (tx) =>
		tx.query<SubdistrictName>(`select code, name from public.subdistricts where district_code = $1 order by code`, [districtCode])
	);
}

/** Who last changed a member of staff and when, from the record (admins read it all). */
export async function lastChangeOf(tx: Queryable, userId: string): Promise<{ actor_name: string | null; at: Date } | undefined> {
	const [row] = await tx.query<{ actor_name: string | null; at: Date }>(
		`select actor_name, at from public.audit_log where table_name = 'staff' and row_id = $1 order by id desc limit 1`,
		[userId]
	);
	return row;
}
