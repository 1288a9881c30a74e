import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Database } from './types';

export type { Database, Queryable } from './types';
export { asCaller, PUBLIC_CALLER, type Caller } from './roles';

/** Where the embedded database keeps its files when no DATABASE_URL is given. */
const DEFAULT_PGLITE_DIR = './data/pglite';

let opening: Promise<Database> | undefined;

/** Opens the configured database, on first use: DATABASE_URL if set, else embedded PGlite. */
// process.env rather than $env: scripts and benchmarks outside Vite open the database too.
export async function openDatabase(
	url = process.env.DATABASE_URL,
	dataDir = process.env.PGLITE_DATA_DIR ?? DEFAULT_PGLITE_DIR
): Promise<Database> {
	const db = url ? await openPostgres(url) : await openPglite(dataDir);
	await migrate(db);
	return db;
}

/** The app's one database, opened and migrated once per process. */
export function getDatabase(): Promise<Database> {
	opening ??= openDatabase().catch((error: unknown) => {
		opening = undefined; // let the next request retry rather than caching the failure
		throw error;
	});
	return opening;
}
