import type { FigureRef } from '$lib/domain/dashboard-drill';

/** The figure whose rows are open, if any, and what it is called; one per page. */
export class DrillState {
	#open = $state<{ ref: FigureRef; what: string } | null>(null);

	get open() {
		return this.#open;
	}

	show(ref: FigureRef, what: string) {
		this.#open = { ref, what };
	}

	close() {
		this.#open = null;
	}
}
