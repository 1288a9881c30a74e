import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../../e2e/harness/server';

const run = promisify(execFile);

/** PostgreSQL's server programs (Debian: postgresql-15). */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const hasPostgresServer = existsSync(join(PG_BIN, 'pg_ctl'));

/**
 * A PostgreSQL server of the test's own on loopback, which it may stop and restart at will
 * without disturbing anything else. PostgreSQL refuses to run as root, so under root (CI)
 * its programs run as the `postgres` user.
 */
export interface Cluster {
	/** The superuser's connection string for database `name`. */
	url(name?: string): string;
	query<Row extends object>(sql: string, params?: unknown[], database?: string): Promise<Row[]>;
	stop(): Promise<void>;
	start(): Promise<void>;
	/** `pg_ctl restart -m fast`: connections are terminated, the server is down for a moment. */
	restart(): Promise<void>;
	dispose(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

function pgCommand(program: string, args: string[]) {
	const path = join(PG_BIN, program);
	return asRoot ? run('runuser', ['-u', 'postgres', '--', path, ...args]) : run(path, args);
}

export async function startCluster(): Promise<Cluster> {
	if (!hasPostgresServer) throw new Error(`no PostgreSQL server programs in ${PG_BIN} (set PG_BIN)`);
	const dir = await mkdtemp(join(tmpdir(), 'atlas-cluster-'));
	if (asRoot) await run('chown', ['postgres:', dir]);
	const data = join(dir, 'data');
	const port = await freePort();
	await pgCommand('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
	const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c full_page_writes=off`;
	const ctl = (...args: string[]) => pgCommand('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', ...args]);
	await ctl('start', '-o', options);

	const url = (name = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${name}`;
	return {
		url,
		async query<Row extends object>(sql: string, params: unknown[] = [], database = 'postgres') {
			const client = new pg.Client({ connectionString: url(database) });
			await client.connect();
			try {
				return (await client.query(sql, params)).rows as Row[];
			} finally {
				await client.end();
			}
		},
		stop: () => ctl('stop', '-m', 'fast').then(() => undefined),
		start: () => ctl('start', '-o', options).then(() => undefined),
		restart: () => ctl('restart', '-m', 'fast', '-o', options).then(() => undefined),
		async dispose() {
			await ctl('stop', '-m', 'immediate').catch(() => undefined);
			await rm(dir, { recursive: true, force: true });
		}
	};
}
