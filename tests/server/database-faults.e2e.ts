import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateAsOwner, withUser } from '../e2e/harness/database';
import { sleep, spawnApp, type AppProcess } from '../e2e/harness/server';
import { hasPostgresServer, startCluster, type Cluster } from './harness/cluster';
import { request, tally, underLoad, type Outcome } from './harness/load';

const DATABASE = 'atlas';

/** Answered at all (any HTTP status), as opposed to a dropped connection. */
const answered = (outcomes: Outcome[]) => outcomes.every((o) => o.status !== undefined);

// The built server against a PostgreSQL of the test's own, which the tests terminate,
// restart and stop under bounded load. CI always has the server programs (.ci/run).
describe.runIf(hasPostgresServer || process.env.CI)('the server when PostgreSQL fails', () => {
	let cluster: Cluster;
	let app: AppProcess;
	let api: string;

	/** Terminates every connection the app holds, as an operator or a failover would. */
	async function terminateAppConnections(): Promise<number> {
		// Materialised first: in one WHERE, PostgreSQL may call pg_terminate_backend on any row.
		const rows = await cluster.query<{ terminated: boolean }>(
			`with app as materialized (select pid from pg_stat_activity where datname = $1 and usename = 'authenticator')
			 select pg_terminate_backend(pid) as terminated from app`,
			[DATABASE]
		);
		return rows.filter((r) => r.terminated).length;
	}

	async function expectServing(): Promise<void> {
		const deadline = Date.now() + 15_000;
		let last: Outcome | undefined;
		while (Date.now() < deadline) {
			last = await request(api);
			if (last.status === 200) return;
			await sleep(250);
		}
		throw new Error(`the app did not recover: last answer ${JSON.stringify(last)}\n${app.output()}`);
	}

	beforeAll(async () => {
		cluster = await startCluster();
		await cluster.query(`create database ${DATABASE}`);
		await migrateAsOwner(cluster.url(DATABASE));
		app = await spawnApp({ DATABASE_URL: withUser(cluster.url(DATABASE), 'authenticator') });
		await app.waitUntilServing();
		api = `${app.url}/api/atlas`;
		await expectServing();
	}, 120_000);

	afterAll(async () => {
		await app?.stop();
		await cluster?.dispose();
	});

	it('answers every request and stays up while its connections are terminated under load', async () => {
		let terminated = 0;
		const outcomes = await underLoad(api, 5, async () => {
			for (let i = 0; i < 4; i++) {
				await sleep(400);
				terminated += await terminateAppConnections();
			}
			await sleep(400);
		});
		expect(terminated, 'the test must actually cut connections').toBeGreaterThan(0);
		expect(app.child.exitCode, app.output()).toBeNull();
		expect(answered(outcomes), JSON.stringify(tally(outcomes))).toBe(true);
		expect(outcomes.filter((o) => o.status !== 200 && o.status !== 503), JSON.stringify(tally(outcomes))).toEqual([]);
		await expectServing();
	});

	it('rides out `pg_ctl restart -m fast` under load and recovers by itself', async () => {
		const outcomes = await underLoad(api, 5, async () => {
			await sleep(300);
			await cluster.restart();
			await sleep(1_000);
		});
		expect(app.child.exitCode, app.output()).toBeNull();
		expect(answered(outcomes), JSON.stringify(tally(outcomes))).toBe(true);
		expect(outcomes.filter((o) => o.status !== 200 && o.status !== 503), JSON.stringify(tally(outcomes))).toEqual([]);
		await expectServing();
	});

	it('answers 503 with Retry-After and a translated message, fast, while the database is down', async () => {
		await cluster.stop();
		try {
			const page = await fetch(`${app.url}/`);
			expect(page.status).toBe(503);
			expect(page.headers.get('retry-after')).toBe('5');
			const html = await page.text();
			expect(html).toContain('数据库暂时无法连接');
			expect(html).toContain('(503)');
			expect(html).toMatch(/<meta http-equiv="refresh" content="10"/); // it retries by itself

			const english = await fetch(`${app.url}/?lang=en`);
			expect(await english.text()).toContain('The database cannot be reached right now');

			const started = performance.now();
			const data = await fetch(api, { headers: { accept: 'application/json' } });
			expect(performance.now() - started, 'a request during an outage fails fast').toBeLessThan(3_000);
			expect(data.status).toBe(503);
			expect(data.headers.get('retry-after')).toBe('5');
			expect(((await data.json()) as { message: string }).message).toContain('数据库暂时无法连接');
			expect(app.child.exitCode).toBeNull();
		} finally {
			await cluster.start();
		}
		await expectServing();
	});

	it('answers a request whose connection dies while it waits, instead of dropping it', async () => {
		// Hold a lock the request's query must wait for, so it is surely in flight.
		const blocker = new pg.Client({ connectionString: cluster.url(DATABASE) });
		await blocker.connect();
		try {
			await blocker.query('begin');
			await blocker.query('lock table public.communities in access exclusive mode');
			const inFlight = request(api);
			const deadline = Date.now() + 10_000;
			let waiting: { pid: number }[] = [];
			while (!waiting.length && Date.now() < deadline) {
				await sleep(100);
				waiting = await cluster.query<{ pid: number }>(
					`select pid from pg_stat_activity where datname = $1 and usename = 'authenticator' and wait_event_type = 'Lock'`,
					[DATABASE]
				);
			}
			expect(waiting, 'the request should be waiting on the lock').toHaveLength(1);
			await cluster.query('select pg_terminate_backend($1)', [waiting[0].pid]);
			await sleep(300);
			await blocker.query('commit');
			const outcome = await inFlight;
			expect(outcome, app.output()).toMatchObject({ status: 200 });
		} finally {
			await blocker.end();
		}
	});
});
