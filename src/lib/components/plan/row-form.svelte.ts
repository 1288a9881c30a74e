import type { z } from 'zod';
import { fieldErrors, type FieldErrors } from '$lib/domain/input';
import type { ApiAnswer } from '../editing/api';
import { refreshPageData } from '../editing/refresh';

/**
 * The state of a form for one row of a plan or its funding: the values, the messages per
 * field, and the server's word when it refused. The values are checked with the schema the
 * server uses before they are sent; the user's input stays through every refusal. After a
 * save the page's data is loaded again, so the map and the community's figures follow.
 */
export class RowForm<T extends object, R> {
	values: T = $state() as T;
	errors: FieldErrors = $state({});
	message: string | null = $state(null);
	busy = $state(false);
	/** After a 409: the plan or funding as it now stands, for the section to show. */
	newer: R | null = $state.raw(null);

	constructor(
		initial: T,
		private readonly schema: z.ZodType<T>
	) {
		this.values = structuredClone(initial);
	}

	#plain(): T {
		return JSON.parse(JSON.stringify(this.values));
	}

	/** Sends with `send` when the values pass; the answer's value, or null when refused. */
	async submit(send: (values: T) => Promise<ApiAnswer<R>>): Promise<R | null> {
		const parsed = this.schema.safeParse(this.#plain());
		this.errors = parsed.success ? {} : fieldErrors(parsed.error);
		if (!parsed.success) return null;
		return this.run(() => send(parsed.data));
	}

	/** Runs a request (a save or a removal) and keeps its refusal for the form to show. */
	async run(request: () => Promise<ApiAnswer<R>>): Promise<R | null> {
		this.busy = true;
		this.message = null;
		try {
			const answer = await request();
			if (answer.ok) {
				await refreshPageData();
				return answer.value;
			}
			this.message = answer.refusal.message;
			if (answer.refusal.error === 'invalid') this.errors = answer.refusal.fields ?? {};
			// The endpoints send the whole plan or funding as it stands with a conflict.
			if (answer.refusal.error === 'conflict' && answer.refusal.current) this.newer = answer.refusal.current as R;
			return null;
		} finally {
			this.busy = false;
		}
	}
}
