/**
 * The absolute address of a public page, for its QR code and link previews. Behind a proxy
 * that rewrites the host, or when notices are printed on an internal machine, the address
 * residents must reach is set once as PUBLIC_ORIGIN (e.g. https://gaizao.zhangdian.gov.cn);
 * otherwise it is the request's own origin (adapter-node takes it from ORIGIN or the Host
 * header).
 */
export function publicUrl(path: string, requestUrl: URL, env: Record<string, string | undefined> = process.env): string {
	const configured = env.PUBLIC_ORIGIN?.trim();
	let origin = requestUrl.origin;
	if (configured) {
		try {
			origin = new URL(configured).origin;
		} catch {
			// A misconfigured value must not take the page down; the request's origin still works.
			console.error(`[public] PUBLIC_ORIGIN "${configured}" is not a URL; using ${origin}`);
		}
	}
	return new URL(path, origin).href;
}
