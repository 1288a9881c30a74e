import { z } from 'zod';
import { APP_ROLES, type AppRole } from './roles';

// One set of rules for the admin's forms, checked in the browser before sending and again on
// the server before the database (whose constraints stay the last word). Messages are i18n
// keys (admin.errors.*), so both sides show the same words in the visitor's language.

/** As a browser's <input type=email> accepts it; stored in lower case, as accounts are found. */
export const emailSchema = z
	.string('admin.errors.email')
	.trim()
	.toLowerCase()
	.pipe(z.email({ pattern: z.regexes.html5Email, error: 'admin.errors.email' }).max(254, 'admin.errors.email'));

/** The same bounds as public.staff's check. */
export const displayNameSchema = z.string('admin.errors.displayName').trim().min(1, 'admin.errors.displayName').max(60, 'admin.errors.displayName');

/** A password an admin sets. Long rather than clever (NIST SP 800-63B): no composition rules. */
export const PASSWORD_MIN = 10;
export const newPasswordSchema = z
	.string('admin.errors.passwordLength')
	.min(PASSWORD_MIN, 'admin.errors.passwordLength')
	.max(200, 'admin.errors.passwordLength');

/** A 9-digit NBS code; whether it names a real sub-district is the database's to say. */
export const subdistrictCodeSchema = z.string().regex(/^[0-9]{9}$/, 'admin.errors.unknownSubdistrict');

const userIdSchema = z.uuid('admin.errors.notFound');
const versionSchema = z.coerce.number('admin.errors.conflict').int('admin.errors.conflict').positive('admin.errors.conflict');

const roleShape = {
	displayName: displayNameSchema,
	appRole: z.enum(APP_ROLES, 'admin.errors.role'),
	subdistricts: z.array(subdistrictCodeSchema).max(50, 'admin.errors.unknownSubdistrict').default([])
};

interface RoleFields {
	appRole: AppRole;
	subdistricts: string[];
}

// An editor answers for at least one sub-district; for other roles the list grants nothing
// (private.editor_subdistricts), so it is not kept.
const editorHasSubdistricts = (m: RoleFields) => m.appRole !== 'editor' || m.subdistricts.length > 0;
const EDITOR_NEEDS_SUBDISTRICT = { path: ['subdistricts'], error: 'admin.errors.editorNeedsSubdistrict' };
const keepEditorsSubdistricts = <T extends RoleFields>(m: T): T => ({
	...m,
	subdistricts: m.appRole === 'editor' ? [...new Set(m.subdistricts)] : []
});

/** A new member of staff; without a password one is generated and shown once. */
export const newMemberSchema = z
	.object({ email: emailSchema, password: newPasswordSchema.optional(), ...roleShape })
	.refine(editorHasSubdistricts, EDITOR_NEEDS_SUBDISTRICT)
	.transform(keepEditorsSubdistricts);
export type NewMember = z.output<typeof newMemberSchema>;

/** A change of name, role or sub-districts, made over the version the admin saw. */
export const memberChangeSchema = z
	.object({ userId: userIdSchema, version: versionSchema, ...roleShape })
	.refine(editorHasSubdistricts, EDITOR_NEEDS_SUBDISTRICT)
	.transform(keepEditorsSubdistricts);
export type MemberChange = z.output<typeof memberChangeSchema>;

/** Disabling (which ends every session) or enabling a member. */
export const memberStatusSchema = z.object({
	userId: userIdSchema,
	version: versionSchema,
	disabled: z.stringbool().or(z.boolean())
});
export type MemberStatus = z.output<typeof memberStatusSchema>;

export const passwordResetSchema = z.object({ userId: userIdSchema, password: newPasswordSchema.optional() });
export type PasswordReset = z.output<typeof passwordResetSchema>;

/**
 * A form's fields as the schemas above read them: `multi` fields as arrays (checkboxes),
 * empty text as absent, so an optional field left blank is not validated as a value.
 */
export function formFields(form: FormData, multi: readonly string[] = []): Record<string, string | string[]> {
	const fields: Record<string, string | string[]> = {};
	for (const name of new Set(form.keys())) {
		const values = form.getAll(name).filter((v): v is string => typeof v === 'string');
		if (multi.includes(name)) fields[name] = values.filter((v) => v !== '');
		else if (values[0] !== undefined && values[0] !== '') fields[name] = values[0];
	}
	for (const name of multi) fields[name] ??= [];
	return fields;
}

/** The first message (an i18n key) for each field that failed, keyed by the field's name. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message.includes('.') ? issue.message : 'admin.errors.invalid';
	}
	return errors;
}

/** A member of staff as the admin's list shows them. */
export interface StaffMember {
	userId: string;
	email: string;
	displayName: string;
	appRole: AppRole;
	subdistricts: string[];
	disabled: boolean;
	/** The row's version when read: a change is saved only over this one. */
	version: number;
}

/** A sub-district as the admin picks it. */
export interface SubdistrictName {
	code: string;
	name: string;
}
