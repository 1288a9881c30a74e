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
type Fields = Record<string, string | string[]>;

/**
 * What a refused action tells the page: which form and member, each field's message or one
 * for the whole form, and what the admin had typed (never a password), so the form comes
 * back as they left it.
 */
interface Refusal {
	action: Action;
	userId?: string;
	errors: Record<string, string>;
	message?: { key: string; values: Record<string, string> };
	values: Fields;
}

function refusal(action: Action, fields: Fields, errors: Record<string, string>, message?: Refusal['message']): Refusal {
	const { password: _password, ...values } = fields;
	const userId = typeof fields.userId === 'string' ? fields.userId : undefined;
	return { action, userId, errors, message, values };
}

function refused(action: Action, fields: Fields, error: unknown): ActionFailure<Refusal> {
	if (!(error instanceof StaffError)) throw error;
	const errors = error.field ? { [error.field]: error.key } : {};
	return fail(error.status, refusal(action, fields, errors, error.field ? undefined : { key: error.key, values: error.values }));
}

/** Runs `act` on the form's fields once `schema` accepts them; a refusal (400 or the database's) otherwise. */
async function handle<S extends z.ZodType, R>(
	request: Request,
	action: Action,
	schema: S,
	act: (input: z.output<S>) => Promise<R>
): Promise<R | ActionFailure<Refusal>> {
	const fields = formFields(await request.formData(), ['subdistricts']);
	const parsed = schema.safeParse(fields);
	if (!parsed.success) return fail(400, refusal(action, fields, fieldErrors(parsed.error)));
	try {
		return await act(parsed.data);
	} catch (error) {
		return refused(action, fields, error);
	}
}

export const actions = {
	create: async (event) => {
		const { caller } = requireAdmin(event);
		return handle(event.request, 'create', newMemberSchema, async (input) => {
			const { member, password } = await createMember(await staffDeps(), caller, input);
			return { action: 'create', done: { key: 'admin.done.created', name: member.displayName }, secret: { email: member.email, password } };
		});
	},
	update: async (event) => {
		const { caller } = requireAdmin(event);
		return handle(event.request, 'update', memberChangeSchema, async (change) => {
			const member = await changeMember(await staffDeps(), caller, change);
			return { action: 'update', done: { key: 'admin.done.saved', name: member.displayName } };
		});
	},
	status: async (event) => {
		const { caller } = requireAdmin(event);
		return handle(event.request, 'status', memberStatusSchema, async (status) => {
			const member = await setDisabled(await staffDeps(), caller, status);
			return { action: 'status', done: { key: member.disabled ? 'admin.done.disabled' : 'admin.done.enabled', name: member.displayName } };
		});
	},
	reset: async (event) => {
		const { caller } = requireAdmin(event);
		return handle(event.request, 'reset', passwordResetSchema, async (reset) => {
			const { member, password } = await resetPassword(await staffDeps(), caller, reset);
			return { action: 'reset', done: { key: 'admin.done.passwordReset', name: member.displayName }, secret: { email: member.email, password } };
		});
	}
} satisfies Actions;
