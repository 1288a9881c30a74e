/**
 * The date the map shows the district as of (issue 7), as it travels in the address
 * (`?date=2021-06-30`) and to the server. A day means its end in Beijing time, where the
 * programme runs: everything recorded that day is in. Today or later means now.
 */

/** Nothing in the programme's record is older; earlier dates are refused, not clamped. */
export const EARLIEST_DATE = '2000-01-01';

/** The programme's time zone: a date is the same day for every viewer. */
export const PROGRAMME_TIME_ZONE = 'Asia/Shanghai';

/** Today's date in the programme's time zone. */
export function todayInProgramme(now = new Date()): string {
	// en-CA formats as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', { timeZone: PROGRAMME_TIME_ZONE }).format(now);
}

/** A real calendar date in YYYY-MM-DD, not before EARLIEST_DATE; otherwise undefined. */
export function parseAsOfDate(raw: string): string | undefined {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
	const parsed = new Date(`${raw}T00:00:00Z`);
	if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== raw) return undefined;
	return raw >= EARLIEST_DATE ? raw : undefined;
}

/** Whether a date asks for the past; today and later are the present. */
export function isPast(date: string, now = new Date()): boolean {
	return date < todayInProgramme(now);
}

/** The last instant of a date in the programme's time zone, as PostgreSQL reads it. */
export function endOfDay(date: string): string {
	return `${date} 23:59:59.999999+08`;
}
