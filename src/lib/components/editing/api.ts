import type { HistoryEntry } from '$lib/domain/history';
import type { FieldErrors } from '$lib/domain/input';

/** The JSON the edit endpoints answer with when they refuse (src/lib/server/writes/http.ts). */
export interface ApiRefusal {
	error: 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'failed';
	message: string;
	fields?: FieldErrors;
	changes?: HistoryEntry[];
	current?: unknown;
}

export type ApiAnswer<T> = { ok: true; value: T } | { ok: false; status: number; refusal: ApiRefusal };

/** A JSON request to our own API; a network failure or a non-JSON answer becomes a refusal with its text. */
export async function callApi<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<ApiAnswer<T>> {
	try {
		const response = await fetch(url, {
			method: init.method ?? 'GET',
			headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
			body: init.body === undefined ? undefined : JSON.stringify(init.body)
		});
		const body: unknown = await response.json().catch(() => null);
		if (response.ok) return { ok: true, value: body as T };
		const refusal =
			body && typeof body === 'object' && 'message' in body ? (body as ApiRefusal) : { error: 'failed' as const, message: `${response.status} ${response.statusText}` };
		return { ok: false, status: response.status, refusal };
	} catch (error) {
		return { ok: false, status: 0, refusal: { error: 'failed', message: error instanceof Error ? error.message : String(error) } };
	}
}
