/**
 * Where to go after signing in: `next` when it is a path on this site, else the map. A
 * sign-in page that redirected anywhere it was told would lend the site's name to phishing
 * links (an "open redirect"), so only same-origin paths pass.
 */
export function safeNext(next: string | null | undefined, origin: string): string {
	// "//evil.example" and "/\evil.example" are read by browsers as other hosts.
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
	try {
		const url = new URL(next, origin);
		if (url.origin !== origin) return '/';
		return `${url.pathname}${url.search}${url.hash}`;
	} catch {
		return '/';
	}
}

/** The sign-in page's address, coming back to `url` afterwards; `expired` adds the notice that a session ended. */
export function loginUrl(url: URL, expired = false): string {
	const params = new URLSearchParams();
	const back = `${url.pathname}${url.search}`;
	if (back !== '/') params.set('next', back);
	if (expired) params.set('expired', '1');
	const query = params.toString();
	return `/login${query ? `?${query}` : ''}`;
}
