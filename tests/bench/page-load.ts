import { gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from 'playwright-core';

const VIEWPORT = { width: 1280, height: 800 };
const IDLE_TIMEOUT = 60_000;

export interface ScriptLoad {
	url: string;
	bytes: number;
	gzipBytes: number;
	worker: boolean;
	deck: boolean;
}

// deck.gl's chunks carry its name or that of luma.gl, its WebGL layer; hashed file names don't.
const DECK_SIGNATURE = /deck\.gl|luma\.gl/;

/** Milliseconds from the start of navigation to the page's 'atlas:map-idle' mark. */
async function timeToIdle(page: Page, url: string): Promise<number> {
	await page.goto(url);
	await page.waitForFunction(() => performance.getEntriesByName('atlas:map-idle').length > 0, undefined, {
		timeout: IDLE_TIMEOUT
	});
	// startTime counts from the navigation's start (performance.timeOrigin).
	return page.evaluate(() => performance.getEntriesByName('atlas:map-idle')[0].startTime);
}

/** One cold load (new context: empty cache) of `url`, timed, with every script it fetched. */
export async function loadOnce(browser: Browser, url: string, collect = false): Promise<{ ms: number; scripts: ScriptLoad[] }> {
	const context = await browser.newContext({ viewport: VIEWPORT });
	const page = await context.newPage();
	const pending: Promise<ScriptLoad | null>[] = [];
	const workers = new Set<string>();
	if (collect) {
		page.on('worker', (w) => workers.add(w.url()));
		page.on('response', (response: Response) => {
			const type = response.request().resourceType();
			if (type !== 'script' && !/\.m?js(\?|$)/.test(response.url())) return;
			pending.push(
				response.body().then(
					(body) => ({
						url: response.url(),
						bytes: body.length,
						gzipBytes: gzipSync(body, { level: 9 }).length,
						worker: /worker/i.test(response.url()), // refined below from page.on('worker')
						deck: DECK_SIGNATURE.test(body.toString('latin1'))
					}),
					() => null // a redirect or aborted request has no body to count
				)
			);
		});
	}
	try {
		const ms = await timeToIdle(page, url);
		const loaded = (await Promise.all(pending)).filter((s): s is ScriptLoad => s !== null);
		const byUrl = new Map(loaded.map((s) => [s.url, s]));
		// A module worker's script may not show among the page's responses: fetch it to weigh it.
		for (const workerUrl of workers) {
			const known = byUrl.get(workerUrl);
			if (known) known.worker = true;
			else if (/^https?:/.test(workerUrl)) {
				const body = await page.request.get(workerUrl).then((r) => r.body());
				byUrl.set(workerUrl, {
					url: workerUrl,
					bytes: body.length,
					gzipBytes: gzipSync(body, { level: 9 }).length,
					worker: true,
					deck: DECK_SIGNATURE.test(body.toString('latin1'))
				});
			}
		}
		return { ms, scripts: [...byUrl.values()] };
	} finally {
		await context.close();
	}
}
