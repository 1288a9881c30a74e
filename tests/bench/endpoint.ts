import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Server as KitServer, SSRManifest } from '@sveltejs/kit';
import { ROOT } from '../../scripts/build';
import { asCaller, PUBLIC_CALLER } from '../../src/lib/server/db/roles';
import { migrate } from '../../src/lib/server/db/migrate';
import { openPglite } from '../../src/lib/server/db/pglite';
import { openPostgres } from '../../src/lib/server/db/postgres';
import type { Database } from '../../src/lib/server/db/types';
import * as q from '../../src/lib/server/atlas/queries';

const DISTRICT_CODE = '370303';

export interface EndpointResult {
	endpoint: number[];
	sql: number[];
	bytes: number;
	communities: number;
}

/**
 * Where the built SvelteKit server and its manifest are. Older adapter-node releases left
 * them in build/server/; current ones bundle them into hashed chunks there, so the same
 * build's unbundled server in .svelte-kit/output/server/ (what adapter-node bundles) is used.
 */
const SERVER_DIRS = ['build/server', '.svelte-kit/output/server'];

/** The SvelteKit app of the last build, answering requests in this process without HTTP. */
async function loadBuiltServer(): Promise<KitServer> {
	const dir = SERVER_DIRS.map((d) => join(ROOT, d)).find((d) => existsSync(join(d, 'index.js')) && existsSync(join(d, 'manifest.js')));
	if (!dir) throw new Error(`No built server with index.js and manifest.js in ${SERVER_DIRS.join(' or ')}`);
	const serverModule: { Server: typeof KitServer } = await import(pathToFileURL(join(dir, 'index.js')).href);
	const manifestModule: { manifest: SSRManifest } = await import(pathToFileURL(join(dir, 'manifest.js')).href);
	const server = new serverModule.Server(manifestModule.manifest);
	await server.init({ env: Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)) });
	return server;
}

/** The endpoint's SELECTs, as the same caller, with none of its conversion or serialising. */
async function bareSql(db: Database): Promise<void> {
	await asCaller(db, PUBLIC_CALLER, async (tx) => {
		await q.selectDistrict(tx, DISTRICT_CODE);
		await q.selectSubdistricts(tx, DISTRICT_CODE);
		await q.selectCommunities(tx, DISTRICT_CODE);
		await q.selectBuildings(tx, DISTRICT_CODE);
		await q.selectTargets(tx, DISTRICT_CODE);
	});
}

async function time(fn: () => Promise<void>): Promise<number> {
	const start = performance.now();
	await fn();
	return performance.now() - start;
}

/**
 * GET /api/atlas through the built server against the bare SQL, in one process, so the
 * difference is the app's own work: routing, converting rows to features, JSON. The
 * caller must have pointed DATABASE_URL or PGLITE_DATA_DIR at a database of its own.
 * With PGlite the two sides use two embedded instances seeded from the same seed.sql.
 */
export async function benchEndpoint(iterations: number, warmup: number): Promise<EndpointResult> {
	const server = await loadBuiltServer();
	const url = process.env.DATABASE_URL;
	// On PostgreSQL the scratch database is migrated and seeded already and DATABASE_URL is
	// the app's own login; PGlite gets a seeded in-memory twin of the server's folder.
	const db = url ? await openPostgres(url) : await openPglite('memory://');
	try {
		if (!url) await migrate(db, { seed: true });
		let bytes = 0;
		let communities = 0;
		const request = async () => {
			const response = await server.respond(new Request('http://127.0.0.1/api/atlas'), {
				getClientAddress: () => '127.0.0.1'
			});
			const body = await response.text(); // the body is part of the cost: it is built lazily
			if (response.status !== 200) throw new Error(`/api/atlas answered ${response.status}: ${body.slice(0, 200)}`);
			bytes = body.length;
			const parsed: { communities?: { features?: unknown[] } } = JSON.parse(body);
			communities = parsed.communities?.features?.length ?? 0;
		};
		for (let i = 0; i < warmup; i++) {
			await request();
			await bareSql(db);
		}
		const endpoint: number[] = [];
		const sql: number[] = [];
		// Alternate, so drift (GC, JIT, the machine's other work) falls on both sides alike.
		for (let i = 0; i < iterations; i++) {
			endpoint.push(await time(request));
			sql.push(await time(() => bareSql(db)));
		}
		return { endpoint, sql, bytes, communities };
	} finally {
		await db.close();
	}
}
