/**
 * A refusal to show the admin: an HTTP status, the message as an i18n key (admin.errors.*),
 * the form field it concerns, and values for the message.
 */
export class StaffError extends Error {
	override readonly name = 'StaffError';
	constructor(
		readonly status: 400 | 403 | 404 | 409,
		readonly key: string,
		readonly field?: string,
		readonly values: Record<string, string> = {}
	) {
		super(key);
	}
}

function fieldOf(error: object): { code?: unknown; constraint?: unknown } {
	return error as { code?: unknown; constraint?: unknown };
}

/**
 * What a database refusal means for the admin's form, or undefined for anything else (a
 * bug or an outage, which stay errors). The database is the last word on every rule; the
 * schemas only spare a round trip.
 */
export function refusalOf(error: unknown): StaffError | undefined {
	if (typeof error !== 'object' || error === null) return undefined;
	const { code, constraint } = fieldOf(error);
	switch (code) {
		case '42501': // insufficient_privilege: a policy or private.create_local_account said no
			return new StaffError(403, 'admin.errors.forbidden');
		case '23505': // unique_violation: staff.email or accounts.users.email
			return new StaffError(409, 'admin.errors.emailTaken', 'email');
		case '23503': // private.check_staff_subdistricts
			return new StaffError(400, 'admin.errors.unknownSubdistrict', 'subdistricts');
		case '23514': // check_violation
			return constraint === 'staff_editor_has_subdistricts'
				? new StaffError(400, 'admin.errors.editorNeedsSubdistrict', 'subdistricts')
				: new StaffError(400, 'admin.errors.invalid');
		default:
			return undefined;
	}
}

/** Runs `work`, turning the database's refusals into StaffErrors. */
export async function refusingClearly<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		throw refusalOf(error) ?? error;
	}
}
