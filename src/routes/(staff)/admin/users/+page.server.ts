import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { fieldErrors, formFields, memberChangeSchema, memberStatusSchema, newMemberSchema, passwordResetSchema } from '$lib/domain/staff';
import { requireAdmin } from '$lib/server/auth/guard';
import { changeMember, createMember, resetPassword, setDisabled, staffDeps, staffOverview, StaffError } from '$lib/server/staff';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const { caller } = requireAdmin(event);
	return staffOverview(caller);
}) satisfies PageServerLoad;

type Action = 'create' | 'update' | 'status' | 'reset';

/** What a refused action tells the form: which form, which member, each field's message, or one for the whole form. */
interface Refusal {
	action: Action;
	userId?: string;
	errors: Record<string, string>;
	message?: { key: string; values: Record<string, string> };
}

function refused(action: Action, userId: string | undefined, error: unknown): ActionFailure<Refusal> {
	if (!(error instanceof StaffError)) throw error;
	const refusal: Refusal = { action, userId, errors: error.field ? { [error.field]: error.key } : {} };
	if (!error.field) refusal.message = { key: error.key, values: error.values };
	return fail(error.status, refusal);
}

/** The form's fields checked against `schema`, or the 400 that says which are wrong. */
async function parse<S extends z.ZodType>(request: Request, schema: S, action: Action): Promise<z.output<S> | ActionFailure<Refusal>> {
	const fields = formFields(await request.formData(), ['subdistricts']);
	const parsed = schema.safeParse(fields);
	if (parsed.success) return parsed.data;
	const userId = typeof fields.userId === 'string' ? fields.userId : undefined;
	return fail(400, { action, userId, errors: fieldErrors(parsed.error) } satisfies Refusal);
}

const isFailure = (value: unknown): value is ActionFailure<Refusal> =>
	typeof value === 'object' && value !== null && 'status' in value && 'data' in value;

export const actions = {
	create: async (event) => {
		const { caller } = requireAdmin(event);
		const input = await parse(event.request, newMemberSchema, 'create');
		if (isFailure(input)) return input;
		try {
			const { member, password } = await createMember(await staffDeps(), caller, input);
			return { action: 'create', done: { key: 'admin.done.created', name: member.displayName }, secret: { email: member.email, password } };
		} catch (error) {
			return refused('create', undefined, error);
		}
	},
	update: async (event) => {
		const { caller } = requireAdmin(event);
		const change = await parse(event.request, memberChangeSchema, 'update');
		if (isFailure(change)) return change;
		try {
			const member = await changeMember(await staffDeps(), caller, change);
			return { action: 'update', done: { key: 'admin.done.saved', name: member.displayName } };
		} catch (error) {
			return refused('update', change.userId, error);
		}
	},
	status: async (event) => {
		const { caller } = requireAdmin(event);
		const status = await parse(event.request, memberStatusSchema, 'status');
		if (isFailure(status)) return status;
		try {
			const member = await setDisabled(await staffDeps(), caller, status);
			const key = member.disabled ? 'admin.done.disabled' : 'admin.done.enabled';
			return { action: 'status', done: { key, name: member.displayName } };
		} catch (error) {
			return refused('status', status.userId, error);
		}
	},
	reset: async (event) => {
		const { caller } = requireAdmin(event);
		const reset = await parse(event.request, passwordResetSchema, 'reset');
		if (isFailure(reset)) return reset;
		try {
			const { member, password } = await resetPassword(await staffDeps(), caller, reset);
			return { action: 'reset', done: { key: 'admin.done.passwordReset', name: member.displayName }, secret: { email: member.email, password } };
		} catch (error) {
			return refused('reset', reset.userId, error);
		}
	}
} satisfies Actions;
