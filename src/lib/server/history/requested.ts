import { isPast, parseAsOfDate } from '$lib/domain/as-of';

/** The past date a request asks to see (`?date=YYYY-MM-DD`), or null for the present. */
export function requestedAsOf(url: URL): string | null {
	const date = parseAsOfDate(url.searchParams.get('date') ?? '');
	return date !== undefined && isPast(date) ? date : null;
}
