import type { ColumnKey, FigureRef } from '$lib/domain/dashboard-drill';

type Sort = { key: ColumnKey; direction: 'asc' | 'desc' };

/** The figure whose rows are open, if any, what it is called and how its rows are sorted; one per page. */
export class DrillState {
	#open = $state<{ ref: FigureRef; what: string } | null>(null);
	#sort = $state<Sort | null>(null);

	get open() {
		return this.#open;
	}

	get sort() {
		return this.#sort;
	}

	/** Opens a figure's rows in their own order: another figure's columns may differ. */
	show(ref: FigureRef, what: string) {
		this.#open = { ref, what };
		this.#sort = null;
	}

	close() {
		this.#open = null;
	}

	/** Sorts by `key`, ascending first, the other way on a second click. */
	sortBy(key: ColumnKey) {
		const sort = this.#sort;
		this.#sort = sort?.key === key ? { key, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' };
	}
}
