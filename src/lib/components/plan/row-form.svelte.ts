import type { z } from 'zod';
import type { HistoryEntry } from '$lib/domain/history';
import { fieldErrors, type FieldErrors } from '$lib/domain/input';
import type { ApiAnswer } from '../editing/api';
import { refreshPageData } from '../editing/refresh';

/** How a row form talks to its endpoints: a save, and for a row that exists, its removal. */
export interface RowRequests<T, R> {
	save: (values: T) => Promise<ApiAnswer<R>>;
	remove?: () => Promise<ApiAnswer<R>>;
}

/**
 * The state of a form for one row of a list that is saved as a whole (a plan, its funding,
 * the catalogue): the values, the messages per field, and the server's word when it refused.
 * The values are checked with the schema the server uses before they are sent; the user's
 * input stays through every refusal. After a save the page's data is loaded again, so the
 * map and the figures follow.
 */
export class RowForm<T extends object, R> {
	values: T = $state() as T;
	errors: FieldErrors = $state({});
	message: string | null = $state(null);
	busy = $state(false);
	/** After a 409: the whole list as it now stands, for the section to show. */
	newer: R | null = $state.raw(null);
	/** After a 409: who changed what since the form was opened. */
	changes: HistoryEntry[] = $state.raw([]);

	constructor(
		initial: T,
		private readonly schema: z.ZodType<T>,
		private readonly requests: RowRequests<T, R>
	) {
		this.values = structuredClone(initial);
	}

	/** Whether the row exists, and so may be removed. */
	get removable(): boolean {
		return this.requests.remove !== undefined;
	}

	#plain(): T {
		return JSON.parse(JSON.stringify(this.values));
	}

	/** Saves when the values pass the schema; the answer's value, or null when refused. */
	async save(): Promise<R | null> {
		const parsed = this.schema.safeParse(this.#plain());
		this.errors = parsed.success ? {} : fieldErrors(parsed.error);
		if (!parsed.success) return null;
		return this.#run(() => this.requests.save(parsed.data));
	}

	async remove(): Promise<R | null> {
		const remove = this.requests.remove;
		return remove ? this.#run(remove) : null;
	}

	/** Runs a request (a save or a removal) and keeps its refusal for the form to show. */
	async #run(request: () => Promise<ApiAnswer<R>>): Promise<R | null> {
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
			// The endpoints send the whole list as it stands with a conflict.
			if (answer.refusal.error === 'conflict' && answer.refusal.current) {
				this.newer = answer.refusal.current as R;
				this.changes = answer.refusal.changes ?? [];
			}
			return null;
		} finally {
			this.busy = false;
		}
	}
}
