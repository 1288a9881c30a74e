// Intl.NumberFormat is costly to construct and the panels format dozens of figures per
// render, so one formatter is kept per language and precision.
const formatters = new Map<string, Intl.NumberFormat>();

/** Numbers with the current language's separators and a fixed number of decimals. */
export function formatNumber(value: number, lang: string | null | undefined, fractionDigits = 0): string {
	const key = `${lang ?? 'zh-CN'}|${fractionDigits}`;
	let format = formatters.get(key);
	if (!format) {
		format = new Intl.NumberFormat(lang ?? 'zh-CN', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
		formatters.set(key, format);
	}
	return format.format(value);
}
