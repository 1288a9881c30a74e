import type { MemberChange, MemberStatus, NewMember, PasswordReset, StaffMember } from '../../domain/staff';
import { AccountExistsError, generatePassword, type AuthProvider } from '../auth';
import { asCaller, type Caller, type Database, type Queryable } from '../db';
import { refusingClearly, StaffError } from './errors';
import { lastChangeOf, selectMember, STAFF_COLUMNS, toMember } from './read';

// Every write runs as the admin's own caller: the database's policies decide who may
// manage staff, and its triggers record each change with the admin as the actor.

export interface StaffDeps {
	database: Database;
	provider: AuthProvider;
}

/** A member and, when the password was generated or set, that password, to be shown once. */
export interface WithPassword {
	member: StaffMember;
	password: string;
}

/** Adds a member of staff with a sign-in account, in one transaction. */
export async function createMember(deps: StaffDeps, caller: Caller, input: NewMember): Promise<WithPassword> {
	const password = input.password ?? generatePassword();
	try {
		const member = await refusingClearly(() =>
			deps.provider.createAccount(caller, { email: input.email, password }, async (tx, userId) => {
				const [row] = await tx.query<Parameters<typeof toMember>[0]>(
					`insert into public.staff (user_id, email, display_name, app_role, subdistricts)
					 values ($1, $2, $3, $4, $5::text[]) returning ${STAFF_COLUMNS}`,
					[userId, input.email, input.displayName, input.appRole, toArray(input.subdistricts)]
				);
				return toMember(row);
			})
		);
		return { member, password };
	} catch (error) {
		if (error instanceof AccountExistsError) throw new StaffError(409, 'admin.errors.emailTaken', 'email');
		throw error;
	}
}

/** A text[] literal: both drivers take it as one parameter. */
function toArray(values: readonly string[]): string {
	return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/**
 * Updates the row only if it is still at `version`; otherwise says who changed it since, so
 * an admin never overwrites another's change unseen.
 */
async function updateAtVersion(tx: Queryable, userId: string, version: number, set: string, params: (string | boolean)[]): Promise<StaffMember> {
	const [row] = await tx.query<Parameters<typeof toMember>[0]>(
		`update public.staff set ${set} where user_id = $1 and version = $2 returning ${STAFF_COLUMNS}`,
		[userId, version, ...params]
	);
	if (row) return toMember(row);
	const current = await selectMember(tx, userId);
	if (!current) throw new StaffError(404, 'admin.errors.notFound');
	const change = await lastChangeOf(tx, userId);
	throw new StaffError(409, 'admin.errors.conflict', undefined, {
		who: change?.actor_name ?? '—',
		when: change ? new Date(change.at).toISOString() : ''
	});
}

/** An admin must not lock themselves out: another admin can always do it for them. */
function refuseSelfLockout(caller: Caller, userId: string, stillAdmin: boolean): void {
	if (caller.role === 'authenticated' && caller.userId === userId && !stillAdmin) throw new StaffError(400, 'admin.errors.self');
}

/** Changes a member's name, role and sub-districts. */
export async function changeMember(deps: StaffDeps, caller: Caller, change: MemberChange): Promise<StaffMember> {
	refuseSelfLockout(caller, change.userId, change.appRole === 'admin');
	return refusingClearly(() =>
		asCaller(deps.database, caller, (tx) =>
			updateAtVersion(tx, change.userId, change.version, `display_name = $3, app_role = $4, subdistricts = $5::text[]`, [
				change.displayName,
				change.appRole,
				toArray(change.subdistricts)
			])
		)
	);
}

/** Disables a member (the database then ends all their sessions) or enables them again. */
export async function setDisabled(deps: StaffDeps, caller: Caller, status: MemberStatus): Promise<StaffMember> {
	refuseSelfLockout(caller, status.userId, !status.disabled);
	return refusingClearly(() =>
		asCaller(deps.database, caller, (tx) =>
			updateAtVersion(tx, status.userId, status.version, `disabled_at = case when $3 then coalesce(disabled_at, now()) end`, [status.disabled])
		)
	);
}

/** Gives a member a new password (generated unless given), which ends their sessions. */
export async function resetPassword(deps: StaffDeps, caller: Caller, reset: PasswordReset): Promise<WithPassword> {
	const member = await asCaller(deps.database, caller, (tx) => selectMember(tx, reset.userId));
	if (!member) throw new StaffError(404, 'admin.errors.notFound');
	const password = reset.password ?? generatePassword();
	await refusingClearly(() => deps.provider.setPassword(caller, reset.userId, password));
	return { member, password };
}
