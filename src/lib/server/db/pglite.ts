import { mkdir } from 'node:fs/promises';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Database, Queryable, SqlParam } from './types';

function wrap(q: PGlite | Transaction): Queryable {
	return {
		async query<Row>(sql: string, params: SqlParam[] = []) {
			const result = await q.query<Row>(sql, params);
			return result.rows;
		},
		async exec(sql: string) {
			await q.exec(sql);
		}
	};
}

/**
 * The embedded default: PostgreSQL compiled to WebAssembly with PostGIS, persisted in
 * `dataDir` (or in memory for `memory://`). PGlite serves one connection, and its
 * `transaction()` queues callers, so concurrent requests never interleave statements.
 */
export async function openPglite(dataDir: string): Promise<Database> {
	// PGlite creates only the last folder of the path; a fresh clone has no ./data yet.
	if (!dataDir.includes('://')) await mkdir(dataDir, { recursive: true });
	const pg = await PGlite.create(dataDir, {
		extensions: { postgis },
		// The same shapes as our node-postgres set-up: numerics as numbers, dates as ISO text.
		parsers: { [types.NUMERIC]: Number, [types.DATE]: (value: string) => value }
	});
	return {
		kind: 'pglite',
		...wrap(pg),
		transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
		close: () => pg.close()
	};
}
