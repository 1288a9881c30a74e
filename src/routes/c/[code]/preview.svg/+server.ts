import '$lib/i18n/public';
import { error } from '@sveltejs/kit';
import { readPublicCommunity } from '$lib/server/public/community';
import { translate } from '$lib/server/i18n';
import { previewSvg } from '$lib/server/public/preview-svg';
import type { RequestHandler } from './$types';

/**
 * The link-preview image of a community page (og:image), read as the caller like the page:
 * an unpublished community has no preview either.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const outcome = await readPublicCommunity(locals.caller, params.code);
	if (!outcome.ok) error(500);
	const c = outcome.value;
	if (!c) error(404, 'not found');
	const lang = locals.lang;
	const pct = c.progressPct === null ? null : c.progressPct;
	const svg = previewSvg(
		{
			title: c.name,
			subtitle: `${c.subdistrictName} · ${c.code}`,
			stage: c.stage ? translate(lang, `stage.${c.stage}`) : translate(lang, 'public.page.noProject'),
			progressPct: pct,
			progressLabel: pct === null ? '' : `${translate(lang, 'public.page.progress')} ${pct}%`,
			footer: `${translate(lang, 'app.title')}${c.isDemo ? ` · ${translate(lang, 'app.demo')}` : ''}`
		},
		c.map
	);
	return new Response(svg, {
		headers: {
			'content-type': 'image/svg+xml; charset=utf-8',
			// Crawlers fetch it once per share; progress changes at most daily.
			'cache-control': locals.caller.role === 'anon' ? 'public, max-age=3600' : 'private, no-store',
			vary: 'cookie'
		}
	});
};
