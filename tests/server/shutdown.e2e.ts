import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateAsOwner, withUser } from '../e2e/harness/database';
import { sleep, spawnApp } from '../e2e/harness/server';
import { hasPostgresServer, startCluster, type Cluster } from './harness/cluster';
import { request } from './harness/load';

/** "Within a few seconds" of the signal, once nothing is in flight. */
const EXIT_WITHIN_MS = 5_000;

describe.each(['SIGTERM', 'SIGINT'] as const)('the embedded server on %s', (signal) => {
	let root: string;
	beforeAll(async () => {
		root = await mkdtemp(join(tmpdir(), 'atlas-shutdown-'));
	});
	afterAll(() => rm(root, { recursive: true, force: true }));

	it('closes its database and exits at once, and the folder opens again without waiting', async () => {
		const dataDir = join(root, 'pglite');
		const app = await spawnApp({ PGLITE_DATA_DIR: dataDir });
		await app.waitUntilServing();
		expect((await request(`${app.url}/api/atlas`)).status).toBe(200);

		const started = performance.now();
		const exit = await app.stop(signal, 60_000);
		const took = performance.now() - started;
		expect(exit, app.output()).toEqual({ code: 0, signal: null });
		expect(took, 'ms from the signal to the exit').toBeLessThan(EXIT_WITHIN_MS);

		// Not waiting at all: the folder was let go of, and opens whole.
		const again = await spawnApp({ PGLITE_DATA_DIR: dataDir, PGLITE_LOCK_WAIT_S: '0' });
		await again.waitUntilServing();
		expect((await request(`${again.url}/api/atlas`)).status).toBe(200);
		expect(await again.stop(signal)).toEqual({ code: 0, signal: null });
	});
});

describe.runIf(hasPostgresServer || process.env.CI)('the PostgreSQL-backed server on a signal', () => {
	let cluster: Cluster;
	beforeAll(async () => {
		cluster = await startCluster();
		await cluster.query('create database atlas');
		await migrateAsOwner(cluster.url('atlas'));
	}, 120_000);
	afterAll(() => cluster?.dispose());

	it.each(['SIGTERM', 'SIGINT'] as const)(
		'on %s stops accepting, answers the request in flight, closes its pool and exits',
		async (signal) => {
			const app = await spawnApp({ DATABASE_URL: withUser(cluster.url('atlas'), 'authenticator') });
			await app.waitUntilServing();
			// A lock the request must wait for keeps it in flight for as long as the test likes.
			const blocker = new pg.Client({ connectionString: cluster.url('atlas') });
			await blocker.connect();
			try {
				await blocker.query('begin');
				await blocker.query('lock table public.communities in access exclusive mode');
				const inFlight = request(`${app.url}/api/atlas`);
				await sleep(500);
				app.child.kill(signal);
				await sleep(500);
				const late = await request(`${app.url}/api/atlas`);
				expect(late.status, 'a new request while draining').toBeUndefined();
				expect(app.child.exitCode, 'still answering the request in flight').toBeNull();

				await blocker.query('commit');
				const released = performance.now();
				expect((await inFlight).status).toBe(200);
				const exit = await app.exited;
				expect(exit, app.output()).toEqual({ code: 0, signal: null });
				expect(performance.now() - released).toBeLessThan(EXIT_WITHIN_MS);
				const left = await cluster.query(`select pid from pg_stat_activity where datname = 'atlas' and usename = 'authenticator'`);
				expect(left).toEqual([]);
			} finally {
				await blocker.end();
				await app.stop('SIGKILL');
			}
		}
	);
});
