import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { classifyDatabaseError } from './errors';
import type { Database, Queryable, SqlParam } from './types';

/**
 * PostgreSQL's settings for the embedded database. PGlite starts with PostgreSQL's default
 * 128 MB of shared buffers, allocated inside its WebAssembly memory and never given back;
 * the whole atlas is a few megabytes, so 16 MB holds all of it and saves about 100 MB of
 * resident memory (see `npm run bench`).
 */
export const PGLITE_SETTINGS = { shared_buffers: '16MB' } as const;

const START_PARAMS = [
	...PGlite.defaultStartParams,
	...Object.entries(PGLITE_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`])
];

function wrap(q: PGlite | Transaction): Queryable {
	return {
		async query<Row>(sql: string, params: SqlParam[] = []) {
			try {
				return (await q.query<Row>(sql, params)).rows;
			} catch (error) {
				throw classifyDatabaseError(error);
			}
		},
		async exec(sql: string) {
			try {
				await q.exec(sql);
			} catch (error) {
				throw classifyDatabaseError(error);
			}
		}
	};
}

/**
 * PostgreSQL compiled to WebAssembly with PostGIS, in this process, persisted in `dataDir`
 * (or in memory for `memory://`). It serves one connection, and its `transaction()` queues
 * callers, so concurrent requests never interleave statements. It knows nothing of other
 * processes: openEmbeddedDatabase (embedded.ts) guards the folder.
 */
export async function openPglite(dataDir: string): Promise<Database> {
	const pg = await PGlite.create(dataDir, {
		extensions: { postgis, btree_gist },
		startParams: START_PARAMS,
		// The same shapes as our node-postgres set-up: numerics as numbers, dates as ISO text.
		parsers: { [types.NUMERIC]: Number, [types.DATE]: (value: string) => value }
	});
	return {
		kind: 'pglite',
		...wrap(pg),
		async transaction(fn) {
			try {
				return await pg.transaction((tx) => fn(wrap(tx)));
			} catch (error) {
				throw classifyDatabaseError(error);
			}
		},
		close: async () => {
			if (!pg.closed) await pg.close();
		}
	};
}
