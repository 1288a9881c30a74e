import type { CatalogueItem, CommunityFunding, CommunityPlan } from '$lib/domain/plan';
import { callApi } from '../editing/api';
import type { RowRequests } from './row-form.svelte';

/** A plan or its funding as the endpoints give them: with the newest record entry they show. */
export type SeenPlan = CommunityPlan & { seen: number };
export type SeenFunding = CommunityFunding & { seen: number };

let catalogue: Promise<CatalogueItem[]> | undefined;

/** The catalogue, fetched once per page: it changes only when a planner edits it. */
export function loadCatalogue(): Promise<CatalogueItem[]> {
	catalogue ??= callApi<CatalogueItem[]>('/api/plan-catalogue').then((answer) => {
		if (answer.ok) return answer.value;
		catalogue = undefined;
		throw new Error(answer.refusal.message);
	});
	return catalogue;
}

/** Forgets the catalogue fetched, after a planner changed it: the next plan form fetches it anew. */
export function forgetCatalogue(): void {
	catalogue = undefined;
}

/** The plan as it stands, or (asOf) as it stood at the end of a past day. */
export const loadPlan = (communityId: string, asOf: string | null = null) =>
	callApi<SeenPlan>(`/api/communities/${communityId}/plan${asOf ? `?date=${asOf}` : ''}`);
export const loadFunding = (communityId: string) => callApi<SeenFunding>(`/api/communities/${communityId}/funding`);

const rowUrl = (kind: 'plan' | 'funding', id: string) => (kind === 'plan' ? `/api/plan-items/${id}` : `/api/funding-lines/${id}`);

/**
 * The requests of a form for a row of community `communityId`'s plan or funding: adding it
 * (no row yet), or saving and removing it over the version it was loaded at; every answer is
 * the whole plan or funding as it now stands.
 */
export function rowRequests<T, R>(kind: 'plan' | 'funding', communityId: string, row: { id: string; version: number } | null, seen: number): RowRequests<T, R> {
	if (!row) return { save: (values) => callApi<R>(`/api/communities/${communityId}/${kind}`, { method: 'POST', body: values }) };
	const url = rowUrl(kind, row.id);
	return {
		save: (values) => callApi<R>(url, { method: 'PUT', body: { version: row.version, seen, values } }),
		remove: () => callApi<R>(url, { method: 'DELETE', body: { version: row.version, seen } })
	};
}

/** The catalogue item's name in the language shown. */
export function itemName(item: CatalogueItem | undefined, code: string, locale: string | null | undefined): string {
	if (!item) return code;
	return locale === 'en' ? item.nameEn : item.nameZh;
}
