const formats = new Map<string, Intl.DateTimeFormat>();

/** A record entry's time as people in Zhangdian read it, whatever the browser's time zone. */
export function formatWhen(iso: string, lang: string | null | undefined): string {
	const key = lang ?? 'zh-CN';
	let format = formats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(key, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
		formats.set(key, format);
	}
	return format.format(new Date(iso));
}
