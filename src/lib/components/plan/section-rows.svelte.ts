import type { ApiAnswer } from '../editing/api';

/**
 * The state of a section that lists a community's rows (its plan, its funding): the list as
 * last loaded or saved, why it could not be loaded, and the row being edited ('new' for a
 * new one). A load that answers after a later one was asked for (another community, another
 * date) is dropped.
 */
export class SectionRows<V, E> {
	value: V | null = $state.raw(null);
	failed: string | null = $state(null);
	editing: E | 'new' | null = $state.raw(null);
	#latest = 0;

	/** Loads community `communityId`'s list; the one shown stays until the answer comes, unless `clear`. */
	load(communityId: string, request: (communityId: string) => Promise<ApiAnswer<V>>, clear = true): void {
		const load = ++this.#latest;
		if (clear) {
			this.value = null;
			this.editing = null;
			this.failed = null;
		}
		void request(communityId).then((answer) => {
			if (load !== this.#latest) return;
			if (answer.ok) this.value = answer.value;
			else this.failed = answer.refusal.message;
		});
	}

	/** Closes the form, showing the list it handed back (after a save, a removal or a conflict). */
	adopt = (next: V | null): void => {
		if (next) this.value = next;
		this.editing = null;
	};
}
