import pg from 'pg';
import { classifyDatabaseError, isConnectionLoss } from './errors';
import type { Database, Queryable, SqlParam } from './types';

// Return dates as ISO strings and bigint/numeric as numbers, as PGlite does, so code above
// this layer sees one shape whichever backend answers. Our numerics are small
// (areas, percentages) and fit a double exactly enough.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/** Waits before each new attempt after a lost connection: about 1 s in all, so a quick
 * server restart is ridden out while a real outage still fails fast. */
const RETRY_DELAYS_MS = [50, 250, 750];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
	return {
		async query<Row>(sql: string, params: SqlParam[] = []) {
			const result = await client.query(sql, params);
			return result.rows as Row[];
		},
		async exec(sql: string) {
			await client.query(sql);
		}
	};
}

/** The connection broke before COMMIT was sent: the server rolled the transaction back. */
class LostBeforeCommit extends Error {}

export interface PostgresOptions {
	/** Shown in pg_stat_activity, so an operator can tell the app's connections apart. */
	applicationName?: string;
	max?: number;
}

/**
 * A real PostgreSQL/PostGIS server, such as a Supabase project's connection string.
 * Nothing is sent until the first query, so the app starts (and answers 503) while the
 * database is down, and the pool reconnects by itself when it returns.
 */
export async function openPostgres(connectionString: string, options: PostgresOptions = {}): Promise<Database> {
	const pool = new pg.Pool({
		connectionString,
		max: options.max ?? 10,
		application_name: options.applicationName ?? 'renewal-atlas',
		// Fail fast when the server cannot be reached instead of queueing requests behind it.
		connectionTimeoutMillis: 5_000,
		idleTimeoutMillis: 10_000,
		keepAlive: true
	});
	// A connection the server drops (restart, failover, pg_terminate_backend) emits 'error'
	// on its client. The pool listens only while a client is idle; a checked-out client
	// without a listener would take the whole process down, so every client gets one.
	const logLoss = (error: Error) => console.error(`[db] PostgreSQL connection lost: ${error.message}`);
	pool.on('error', logLoss);
	pool.on('connect', (client) => client.on('error', logLoss));

	async function attempt<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
		let client: pg.PoolClient;
		try {
			client = await pool.connect();
		} catch (error) {
			// Refused or reset while connecting: nothing ran. A pool timeout (all connections
			// busy) is not retried, which would only lengthen the queue.
			const code = (error as { code?: unknown }).code;
			throw typeof code === 'string' && isConnectionLoss(error) ? new LostBeforeCommit('connect', { cause: error }) : error;
		}
		let committing = false;
		try {
			await client.query('begin');
			const result = await fn(wrap(client));
			committing = true;
			await client.query('commit');
			client.release();
			return result;
		} catch (error) {
			if (isConnectionLoss(error)) {
				client.release(error as Error); // discard the dead connection
				// After COMMIT was sent the outcome is unknown: never run it twice.
				throw committing ? error : new LostBeforeCommit('transaction', { cause: error });
			}
			try {
				await client.query('rollback');
				client.release();
			} catch (rollbackError) {
				client.release(rollbackError as Error);
			}
			throw error;
		}
	}

	return {
		kind: 'postgres',
		async query<Row>(sql: string, params?: SqlParam[]) {
			try {
				return await wrap(pool).query<Row>(sql, params);
			} catch (error) {
				throw classifyDatabaseError(error);
			}
		},
		async exec(sql: string) {
			try {
				await wrap(pool).exec(sql);
			} catch (error) {
				throw classifyDatabaseError(error);
			}
		},
		async transaction(fn) {
			for (let tries = 0; ; tries++) {
				try {
					return await attempt(fn);
				} catch (error) {
					if (error instanceof LostBeforeCommit && tries < RETRY_DELAYS_MS.length) {
						await sleep(RETRY_DELAYS_MS[tries]);
						continue;
					}
					throw classifyDatabaseError(error instanceof LostBeforeCommit ? error.cause : error);
				}
			}
		},
		close: () => pool.end()
	};
}
