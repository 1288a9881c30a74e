import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuild, ROOT } from '../../scripts/build';
import { launchChromium } from '../e2e/harness/browser';
import { scratchDatabase } from '../e2e/harness/database';
import { freePort, startApp } from '../e2e/harness/server';
import { startBareServer } from './bare-server';
import type { EndpointResult } from './endpoint';
import { PGLITE_SETTINGS } from '../../src/lib/server/db/pglite';
import { memoryFigures, type ServerMemory } from './memory';
import { loadOnce, type ScriptLoad } from './page-load';
import { policyFigures, ROLES, type PolicyFigures, type Timing } from './policies';
import { BOX } from './tile-query';
import { asOfFigures, type AsOfFigures } from './as-of';
import { backends } from '../db/backends';
import { kb, median, ms, quantile, ratio, table } from './stats';

// Sized to keep the whole run under about three minutes on two cores.
const API_ITERATIONS = 40;
const API_WARMUP = 5;
const PAGE_RUNS = 5;
const POLICY_ROUNDS = 60;
const POLICY_WARMUP = 5;
const POLICY_EARLIER_ROUNDS = 3;
const AS_OF_ROUNDS = 10;
const AS_OF_WARMUP = 2;

// `npm run bench -- --only f` (or `--only a,f`) runs just those parts.
const PARTS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const;
const { values: args } = parseArgs({ options: { only: { type: 'string' } } });
const only = new Set(args.only ? args.only.split(',').map((p) => p.trim()) : PARTS);
for (const part of only) if (!PARTS.includes(part as (typeof PARTS)[number])) throw new Error(`--only: no part (${part}); parts are ${PARTS.join(', ')}`);

/** (a) In a child process of its own, against a fresh database; see endpoint-child.ts. */
async function endpointFigures(): Promise<EndpointResult> {
	const database = await scratchDatabase();
	const dir = await mkdtemp(join(tmpdir(), 'atlas-bench-'));
	const out = join(dir, 'endpoint.json');
	try {
		const env = { ...process.env };
		delete env.DATABASE_URL;
		delete env.PGLITE_DATA_DIR;
		await new Promise<void>((resolve, reject) => {
			const child = spawn(
				process.execPath,
				['--import', 'tsx', join(ROOT, 'tests', 'bench', 'endpoint-child.ts'), out, String(API_ITERATIONS), String(API_WARMUP)],
				{ cwd: ROOT, env: { ...env, ...database.env, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit'] }
			);
			child.on('error', reject);
			child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`endpoint benchmark exited ${code}`))));
		});
		const result: EndpointResult = JSON.parse(await readFile(out, 'utf8'));
		return result;
	} finally {
		await rm(dir, { recursive: true, force: true });
		await database.dispose();
	}
}

/** (b) and (c): the app page against the bare page, alternating, in one Chromium. */
async function pageFigures(): Promise<{ app: number[]; bare: number[]; scripts: ScriptLoad[] }> {
	const app = await startApp();
	const bare = await startBareServer(app.url, await freePort());
	const browser = await launchChromium();
	try {
		// One untimed load of each warms the servers (database caches, file reads).
		const first = await loadOnce(browser, `${app.url}/`, true);
		await loadOnce(browser, `${bare.url}/`);
		const times = { app: [] as number[], bare: [] as number[] };
		for (let i = 0; i < PAGE_RUNS; i++) {
			times.app.push((await loadOnce(browser, `${app.url}/`)).ms);
			times.bare.push((await loadOnce(browser, `${bare.url}/`)).ms);
		}
		return { ...times, scripts: first.scripts };
	} finally {
		await browser.close();
		await bare.close();
		await app.stop();
	}
}

function printEndpoint(r: EndpointResult): void {
	console.log(`\n(a) GET /api/atlas in-process vs the same SELECTs (${r.endpoint.length} runs each, ${r.communities} communities, ${kb(r.bytes)} JSON)`);
	console.log(
		table(
			['', 'median', 'p95'],
			[
				['endpoint (server.respond)', ms(median(r.endpoint)), ms(quantile(r.endpoint, 0.95))],
				['bare SQL (as anon)', ms(median(r.sql)), ms(quantile(r.sql, 0.95))],
				['ratio', ratio(median(r.endpoint) / median(r.sql)), ratio(quantile(r.endpoint, 0.95) / quantile(r.sql, 0.95))]
			]
		)
	);
}

function printPages(p: { app: number[]; bare: number[] }): void {
	console.log(`\n(b) navigation → first map idle ('atlas:map-idle'), ${p.app.length} cold loads each, alternating`);
	console.log(
		table(
			['page', 'median', 'min', 'max'],
			[
				['app /', ms(median(p.app)), ms(Math.min(...p.app)), ms(Math.max(...p.app))],
				['bare MapLibre', ms(median(p.bare)), ms(Math.min(...p.bare)), ms(Math.max(...p.bare))],
				['ratio app/bare (aim ≤ 1.20×)', ratio(median(p.app) / median(p.bare)), '', '']
			]
		)
	);
}

function printScripts(scripts: ScriptLoad[]): void {
	const short = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');
	const page = scripts.filter((s) => !s.worker);
	const workers = scripts.filter((s) => s.worker);
	const sum = (list: ScriptLoad[], key: 'bytes' | 'gzipBytes') => list.reduce((n, s) => n + s[key], 0);
	const deck = scripts.filter((s) => s.deck);
	console.log(`\n(c) JavaScript loaded by the app page up to map idle (gzip -9 of each response)`);
	const biggest = [...page].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 6);
	console.log(
		table(
			['script', 'raw', 'gzip'],
			[
				...biggest.map((s) => [short(s.url), kb(s.bytes), kb(s.gzipBytes)]),
				[`page scripts total (${page.length} files)`, kb(sum(page, 'bytes')), kb(sum(page, 'gzipBytes'))],
				...workers.map((s) => [`worker ${short(s.url)}`, kb(s.bytes), kb(s.gzipBytes)])
			]
		)
	);
	console.log(
		deck.length
			? `deck.gl loaded in 2D: YES (${deck.map((s) => short(s.url)).join(', ')}) — it should load only with ?v=3d`
			: 'deck.gl loaded in 2D: no'
	);
	if (!workers.length) console.log('maplibre worker: not seen (no module worker request observed)');
}

function printMemory({ breakdown, servers }: Awaited<ReturnType<typeof memoryFigures>>): void {
	console.log("\n(d) Where the embedded database's memory goes (MiB), one process per set-up on the same seeded folder");
	const last = (b: (typeof breakdown)[number]) => b.snapshots.queried ?? b.snapshots.start;
	const cell = (n: number | undefined) => (n === undefined ? '' : String(n));
	console.log(
		table(
			['set-up', 'RSS opened', 'RSS after 20 reads', 'ArrayBuffers', 'files in memory', 'wasm memory'],
			breakdown.map((b) => [b.variant, cell(b.snapshots.open?.rss ?? b.snapshots.start.rss), cell(last(b).rss), cell(last(b).arrayBuffers), cell(b.installedFiles), cell(b.wasmMemory)])
		)
	);
	const rss = (v: string) => {
		const found = breakdown.find((b) => b.variant === v);
		return found ? last(found).rss : NaN;
	};
	console.log(
		`Node + tsx: ${rss('node')} MiB; PGlite adds ${rss('pglite') - rss('node')}; PostGIS adds ${rss('pglite+postgis') - rss('pglite')} ` +
			`(its installation files copied into memory, and V8's machine code for its WebAssembly); the app's setting ` +
			`(shared_buffers = ${PGLITE_SETTINGS.shared_buffers}) takes ${rss('pglite+postgis') - rss('pglite+postgis, app settings')} off.`
	);
	console.log("\n(e) The built server's resident memory (MiB): idle after start-up, the most seen under 5 clients for 8 s, and the peak");
	console.log(
		table(
			['backend', 'idle', 'loaded', 'peak (VmHWM)', 'requests'],
			servers.map((s: ServerMemory) => [s.backend, String(s.idle), String(s.loaded), String(s.peak), String(s.requests)])
		)
	);
}

function printPolicies(f: PolicyFigures): void {
	const cell = (t: Timing, owner: Timing) => `${ms(median(t.times))} (${ratio(median(t.times) / median(owner.times))})`;
	const { timings } = f.current;
	console.log(
		`\n${f.backend}: the tile's buildings (${timings.owner.rows} of ${f.buildings.toLocaleString('en')}; ` +
			`${f.communities.toLocaleString('en')} communities, ${f.published.toLocaleString('en')} published) as each role, ` +
			`${timings.owner.times.length} rounds alternating; data generated in ${(f.generateMs / 1000).toFixed(0)} s`
	);
	console.log(
		table(
			['role', 'rows', 'median', 'p95', 'ratio to owner (aim ≤ 1.50×)'],
			ROLES.map((role) => [
				role === 'editor' ? `editor of ${f.editorSubdistrict}` : role,
				String(timings[role].rows),
				ms(median(timings[role].times)),
				ms(quantile(timings[role].times, 0.95)),
				role === 'owner' ? '' : ratio(median(timings[role].times) / median(timings.owner.times))
			])
		)
	);
	console.log(`Earlier forms of the read policies and of the query, ${f.earlier[0].timings.owner.times.length} rounds each (median, ratio to the owner's same query):`);
	console.log(table(['form', ...ROLES], f.earlier.map((v) => [v.label, ...ROLES.map((r) => cell(v.timings[r], v.timings.owner))])));
}

function printAsOf(f: AsOfFigures): void {
	console.log(`\n${f.backend}: ${f.live.length} rounds alternating, ${f.entries.toLocaleString('en')} record entries`);
	console.log(
		table(
			['map data', 'median', 'p95', 'ratio to now'],
			[
				['as it stands', ms(median(f.live)), ms(quantile(f.live, 0.95)), ''],
				['as of 2021-06-30 (replayed)', ms(median(f.past)), ms(quantile(f.past, 0.95)), ratio(median(f.past) / median(f.live))]
			]
		)
	);
}

const started = performance.now();
const browserParts = ['a', 'b', 'c', 'd', 'e'].some((p) => only.has(p));
if (browserParts) await ensureBuild();
console.log(`Renewal Atlas bench — ${process.env.DATABASE_URL ? 'PostgreSQL (scratch database)' : 'PGlite'}, Node ${process.version}`);
if (only.has('a')) printEndpoint(await endpointFigures());
if (only.has('b') || only.has('c')) {
	const pages = await pageFigures();
	if (only.has('b')) printPages(pages);
	if (only.has('c')) printScripts(pages.scripts);
}
if (only.has('d') || only.has('e')) printMemory(await memoryFigures());
if (only.has('f')) {
	console.log(`\n(f) Row-level security on a map tile ${BOX.map((v) => v.toFixed(4)).join(', ')}: each backend on a scratch database`);
	for (const backend of backends) {
		printPolicies(await policyFigures(backend, { rounds: POLICY_ROUNDS, warmup: POLICY_WARMUP, earlierRounds: POLICY_EARLIER_ROUNDS }));
	}
}
if (only.has('g')) {
	console.log('\n(g) The map page\'s data (loadAtlas as a planner) now and as of a past date: each backend on a seeded scratch database');
	for (const backend of backends) printAsOf(await asOfFigures(backend, AS_OF_ROUNDS, AS_OF_WARMUP));
}
console.log(`\nbench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
