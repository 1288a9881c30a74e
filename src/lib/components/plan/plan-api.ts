import type { CatalogueItem, CommunityFunding, CommunityPlan } from '$lib/domain/plan';
import { callApi, type ApiAnswer } from '../editing/api';

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

/** The plan as it stands, or (asOf) as it stood at the end of a past day. */
export const loadPlan = (communityId: string, asOf: string | null = null) =>
	callApi<SeenPlan>(`/api/communities/${communityId}/plan${asOf ? `?date=${asOf}` : ''}`);
export const loadFunding = (communityId: string) => callApi<SeenFunding>(`/api/communities/${communityId}/funding`);

/** Adds (no id) or changes a row of the plan or the funding; the answer is the whole as it now stands. */
export function saveRow<T>(
	kind: 'plan' | 'funding',
	target: { communityId: string } | { id: string; version: number; seen: number },
	values: unknown
): Promise<ApiAnswer<T>> {
	if ('communityId' in target) return callApi<T>(`/api/communities/${target.communityId}/${kind}`, { method: 'POST', body: values });
	const url = kind === 'plan' ? `/api/plan-items/${target.id}` : `/api/funding-lines/${target.id}`;
	return callApi<T>(url, { method: 'PUT', body: { version: target.version, seen: target.seen, values } });
}

export function removeRow<T>(kind: 'plan' | 'funding', target: { id: string; version: number; seen: number }): Promise<ApiAnswer<T>> {
	const url = kind === 'plan' ? `/api/plan-items/${target.id}` : `/api/funding-lines/${target.id}`;
	return callApi<T>(url, { method: 'DELETE', body: { version: target.version, seen: target.seen } });
}

/** The catalogue item's name in the language shown. */
export function itemName(item: CatalogueItem | undefined, code: string, locale: string | null | undefined): string {
	if (!item) return code;
	return locale === 'en' ? item.nameEn : item.nameZh;
}
