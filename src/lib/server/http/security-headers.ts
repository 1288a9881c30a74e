/**
 * Headers every response SvelteKit renders gets, beside the Content-Security-Policy that
 * SvelteKit itself writes for pages (kit.csp in svelte.config.js). Static files are served
 * by adapter-node with their own headers; a reverse proxy may add these there too.
 */
export function securityHeaders(url: URL): Record<string, string> {
	const headers: Record<string, string> = {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		// frame-ancestors in the CSP covers pages in current browsers; this covers the rest.
		'x-frame-options': 'DENY',
		'cross-origin-opener-policy': 'same-origin',
		'permissions-policy': 'camera=(), microphone=(), payment=(), usb=(), geolocation=(self)'
	};
	// Only over https (directly, or behind a proxy that says so: README, "Behind a reverse
	// proxy"); sent over plain http it would lock a test server out of its own http.
	if (url.protocol === 'https:') headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
	return headers;
}

/**
 * The policy with `origins` added to the given directives. The basemap is configured at run
 * time (src/lib/server/basemap) while kit.csp is fixed at build time, so its tile servers
 * are added to each page's policy here.
 */
export function allowOrigins(policy: string, directives: string[], origins: string[]): string {
	if (!origins.length) return policy;
	return policy
		.split(';')
		.map((part) => {
			const name = part.trim().split(/\s+/)[0];
			if (!directives.includes(name)) return part;
			const present = new Set(part.trim().split(/\s+/).slice(1));
			const added = origins.filter((o) => !present.has(o));
			return added.length ? `${part.trimEnd()} ${added.join(' ')}` : part;
		})
		.join(';');
}

/** The origins of XYZ tile templates such as https://t0.tianditu.gov.cn/img_w/wmts?...&TILEROW={y}. */
export function tileOrigins(templates: string[]): string[] {
	const origins = new Set<string>();
	for (const template of templates) {
		try {
			origins.add(new URL(template.replace(/\{[^}]*\}/g, '0')).origin);
		} catch {
			// An unparsable template fails in the map too, where it is reported.
		}
	}
	return [...origins];
}
