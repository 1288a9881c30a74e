import type { KeptCatalogueItem, NewCatalogueItemValues } from '$lib/domain/catalogue';
import { callApi } from '$lib/components/editing/api';
import type { RowRequests } from '$lib/components/plan/row-form.svelte';

/**
 * The requests of the form for one catalogue item: adding it, or saving it over the version
 * it was loaded at and (while no plan uses it) removing it. Every answer is the whole
 * catalogue as it now stands.
 */
export function catalogueRequests(item: KeptCatalogueItem | null): RowRequests<NewCatalogueItemValues, KeptCatalogueItem[]> {
	if (!item) return { save: (values) => callApi('/api/plan-catalogue', { method: 'POST', body: values }) };
	const url = `/api/plan-catalogue/${item.id}`;
	const { version, seen } = item;
	return {
		// The code is fixed once saved (plans refer to it): not sent.
		save: (values) => callApi(url, { method: 'PUT', body: { version, seen, values: { ...values, code: undefined } } }),
		remove: item.uses === 0 ? () => callApi(url, { method: 'DELETE', body: { version, seen } }) : undefined
	};
}
