/** Numbers with the current language's separators and a fixed number of decimals. */
export function formatNumber(value: number, lang: string | null | undefined, fractionDigits = 0): string {
	return new Intl.NumberFormat(lang ?? 'zh-CN', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}
