/** Calendar dates (YYYY-MM-DD) as whole days since 1970, for a slider that moves by days. */

const DAY_MS = 86_400_000;

export const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

export const dateOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The same day of the next month (the last day, where the next month is shorter). */
export function nextMonth(date: string): string {
	const [y, m, d] = date.split('-').map(Number);
	const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
	return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
}

/** 1 January of every year after `from` up to `to`: the slider's ticks. */
export function yearStarts(from: string, to: string): string[] {
	const years: string[] = [];
	for (let y = Number(from.slice(0, 4)) + 1; `${y}-01-01` <= to; y++) years.push(`${y}-01-01`);
	return years;
}
