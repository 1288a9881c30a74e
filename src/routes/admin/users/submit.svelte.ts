import type { z } from 'zod';
import { fieldErrors, formFields } from '$lib/domain/staff';

/** A form's state between the admin's click and the server's answer. */
export class Checked {
	/** Each field's message (an i18n key) from the browser's check; replaced whole, never changed in place. */
	errors: Record<string, string> = $state.raw({});
	busy = $state(false);
}

/**
 * A submit handler that checks the fields with the server's own schema before the form is
 * sent, so a mistake shows at once, and lets `confirm` stop it (a question to the admin).
 * The forms are plain posts: the server's answer is the page again, with fresh data and the
 * outcome (use:enhance would add its code to the map page's first load, as the bench counts
 * it, and the map page has no room for it).
 */
export function checkedBy(schema: z.ZodType, check: Checked, confirm?: () => boolean) {
	return (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
		const parsed = schema.safeParse(formFields(new FormData(event.currentTarget), ['subdistricts']));
		if (!parsed.success) {
			check.errors = fieldErrors(parsed.error);
			event.preventDefault();
			return;
		}
		if (confirm && !confirm()) {
			event.preventDefault();
			return;
		}
		check.errors = {};
		check.busy = true;
	};
}
