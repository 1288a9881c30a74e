import type { z } from 'zod';
import { refreshPageData } from './refresh';
import type { HistoryEntry } from '$lib/domain/history';
import { fieldErrors, type FieldErrors } from '$lib/domain/input';
import { NO_RIGHTS, type EditRights } from '$lib/domain/permissions';
import { callApi } from './api';
import { keepChanges } from './merge';

/** An editable row as the endpoints give it (src/lib/server/writes/versioned.ts). */
export interface Editable<T> {
	version: number;
	seen: number;
	values: T;
	rights: EditRights;
}

/** A save refused because the row moved on: who changed what since, and the row as it stands. */
export interface Conflict<T> {
	changes: HistoryEntry[];
	current: Editable<T>;
}

/**
 * One edit form's state: the values being edited, the version and newest record entry they
 * were loaded at, the messages per field, and a conflict when a save came too late. The
 * user's input stays in `values` through every refusal; only reloadNewer() replaces it.
 */
export class EditForm<T extends object> {
	values: T | null = $state(null);
	errors: FieldErrors = $state({});
	conflict: Conflict<T> | null = $state.raw(null);
	rights: EditRights = $state.raw(NO_RIGHTS);
	status: 'loading' | 'ready' | 'saving' | 'saved' | 'failed' = $state('loading');
	/** The server's message when it refused (already in the request's language). */
	message: string | null = $state(null);
	#version = 0;
	#seen = 0;
	/** The values as loaded (or last saved), to tell the user's changes from the rest. */
	#base: T | null = null;

	constructor(
		private readonly url: string,
		private readonly schema: z.ZodType<T>
	) {}

	/** The values as loaded or last saved (not reactive: read it when validating or deriving from `values`). */
	get base(): T | null {
		return this.#base;
	}

	async load(): Promise<void> {
		this.status = 'loading';
		const answer = await callApi<Editable<T>>(this.url);
		if (answer.ok) this.#adopt(answer.value);
		else {
			this.message = answer.refusal.message;
			this.status = 'failed';
		}
	}

	#adopt(row: Editable<T>): void {
		this.values = structuredClone(row.values);
		this.#base = structuredClone(row.values);
		this.rights = row.rights;
		this.#version = row.version;
		this.#seen = row.seen;
		this.errors = {};
		this.conflict = null;
		this.message = null;
		this.status = 'ready';
	}

	/** The values as plain JSON, out of their reactive proxy (they are JSON: numbers, text, dates as text). */
	#plain(): T {
		return JSON.parse(JSON.stringify(this.values));
	}

	/** Checks the values with the schema the server uses; true when they pass. */
	validate(): boolean {
		if (!this.values) return false;
		const result = this.schema.safeParse(this.#plain());
		this.errors = result.success ? {} : fieldErrors(result.error);
		return result.success;
	}

	/** Saves; on success the page's data is loaded again so the map shows the change. */
	async save(): Promise<boolean> {
		if (!this.values || !this.validate()) return false;
		this.status = 'saving';
		this.message = null;
		const answer = await callApi<Editable<T>>(this.url, {
			method: 'PUT',
			body: { version: this.#version, seen: this.#seen, values: this.#plain() }
		});
		if (answer.ok) {
			this.#adopt(answer.value);
			this.status = 'saved';
			await refreshPageData();
			return true;
		}
		const { refusal } = answer;
		this.message = refusal.message;
		if (refusal.error === 'invalid') this.errors = refusal.fields ?? {};
		if (refusal.error === 'conflict' && refusal.current) this.conflict = { changes: refusal.changes ?? [], current: refusal.current as Editable<T> };
		this.status = 'ready';
		return false;
	}

	/** Gives up the user's input for the row as it now stands. */
	reloadNewer(): void {
		if (this.conflict) this.#adopt(this.conflict.current);
	}

	/**
	 * Keeps the fields the user changed and takes the others from the newer version, which
	 * becomes the one the next save is made over: the user saves again knowing what changed.
	 */
	keepMine(): void {
		if (!this.conflict || !this.values || !this.#base) return;
		const newer = this.conflict.current.values;
		this.values = keepChanges(this.#base, this.#plain(), newer);
		this.#base = structuredClone(newer);
		this.#version = this.conflict.current.version;
		this.#seen = this.conflict.current.seen;
		this.conflict = null;
		this.message = null;
	}

	/** Messages for paths no field of the form shows (the whole form's, or a rule of the database). */
	unplaced(shown: readonly string[]): string[] {
		return Object.keys(this.errors).filter((path) => !shown.includes(path));
	}
}
