import { goto } from '$app/navigation';

/**
 * Loads the page's data again (the map shows what was just saved). Through goto to the
 * current address rather than invalidateAll(): goto's machinery is in the public page's
 * first load already, while invalidateAll() would add its own there for staff-only code.
 */
export function refreshPageData(): Promise<void> {
	return goto(location.href, { invalidateAll: true, replaceState: true, noScroll: true, keepFocus: true });
}
