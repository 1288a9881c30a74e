import type { SubmitFunction } from '@sveltejs/kit';
import type { z } from 'zod';
import { invalidateAll } from '$app/navigation';
import { fieldErrors, formFields } from '$lib/domain/staff';

export interface Checked {
	/** Each field's message (an i18n key) from the last check, in the browser or on the server. */
	errors: Record<string, string>;
	busy: boolean;
}

/**
 * A form enhancement that checks the fields with the server's own schema before sending, so
 * a mistake is shown at once; `confirm` may stop the submission (a question to the admin).
 * After a 409 the page's data is reloaded, so the table shows what changed meanwhile, while
 * the form keeps what the admin typed.
 */
export function checkedBy(schema: z.ZodType, state: Checked, options: { confirm?: () => boolean; done?: () => void } = {}): SubmitFunction {
	return ({ formData, cancel }) => {
		const parsed = schema.safeParse(formFields(formData, ['subdistricts']));
		if (!parsed.success) {
			state.errors = fieldErrors(parsed.error);
			cancel();
			return;
		}
		if (options.confirm && !options.confirm()) {
			cancel();
			return;
		}
		state.errors = {};
		state.busy = true;
		return async ({ result, update }) => {
			if (result.type === 'failure' && result.status === 409) await invalidateAll();
			await update();
			state.busy = false;
			if (result.type === 'success') options.done?.();
		};
	};
}
