import { isPast, parseAsOfDate } from '$lib/domain/as-of';
import type { Outcome } from '../writes/outcome';

/**
 * The past date a request asks to see (`?date=YYYY-MM-DD`): null for the present (no date,
 * today or later), a refusal for a date that is no real date or before the record can be.
 */
export function requestedDate(url: URL): Outcome<string | null> {
	const raw = url.searchParams.get('date');
	if (!raw) return { ok: true, value: null };
	const date = parseAsOfDate(raw);
	if (date === undefined) return { ok: false, refusal: { kind: 'invalid', fields: { date: { key: 'edit.error.date' } } } };
	return { ok: true, value: isPast(date) ? date : null };
}

/** The page's reading: a date that makes no sense shows the present (the page says so). */
export function requestedAsOf(url: URL): string | null {
	const date = requestedDate(url);
	return date.ok ? date.value : null;
}
