import pg from 'pg';
import type { Database, Queryable, SqlParam } from './types';

// Return dates as ISO strings and bigint/numeric as numbers, as PGlite does, so code above
// this layer sees one shape whichever backend answers. Our numerics are small
// (areas, percentages) and fit a double exactly enough.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

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

/** A real PostgreSQL/PostGIS server, such as a Supabase project's connection string. */
export async function openPostgres(connectionString: string): Promise<Database> {
	const pool = new pg.Pool({ connectionString, max: 10 });
	// An idle connection the server drops (a restart, a failover) is reported here; without a
	// listener Node would treat it as unhandled and stop the app. The pool replaces it.
	pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
	// Fail at start-up with the driver's message rather than on the first request.
	await pool.query('select 1');
	return {
		kind: 'postgres',
		...wrap(pool),
		async transaction(fn) {
			const client = await pool.connect();
			try {
				await client.query('begin');
				const result = await fn(wrap(client));
				await client.query('commit');
				return result;
			} catch (error) {
				await client.query('rollback');
				throw error;
			} finally {
				client.release();
			}
		},
		close: () => pool.end()
	};
}
