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
	return wrapDatabase(await startPglite(dataDir));
}

function startPglite(dataDir: string, loadDataDir?: Blob): Promise<PGlite> {
	return PGlite.create(dataDir, {
		loadDataDir,
		extensions: { postgis, btree_gist },
		startParams: START_PARAMS,
		// The same shapes as our node-postgres set-up: numerics as numbers, dates as ISO text.
		parsers: { [types.NUMERIC]: Number, [types.DATE]: (value: string) => value }
	});
}

/**
 * An in-memory database started from a copy of another's files (`dumpPglite`): what the
 * test suites use to skip migrating and seeding the demo once per file.
 */
export async function openPgliteCopy(dump: Blob): Promise<Database & { dump(): Promise<Blob> }> {
	const pg = await startPglite('memory://', dump);
	return { ...wrapDatabase(pg), dump: () => pg.dumpDataDir('none') };
}

/** An in-memory database whose files can be copied (`openPgliteCopy`). */
export async function openDumpablePglite(): Promise<Database & { dump(): Promise<Blob> }> {
	const pg = await startPglite('memory://');
	return { ...wrapDatabase(pg), dump: () => pg.dumpDataDir('none') };
}

function wrapDatabase(pg: PGlite): Database {
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
