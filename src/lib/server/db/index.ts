import { openEmbeddedDatabase } from './embedded';
import { migrate } from './migrate';
import { openPostgres } from './postgres';
import { startupWarnings } from './startup-check';
import type { Database } from './types';

export type { Database, Queryable } from './types';
export { APP_ROLES, asCaller, isAppRole, PUBLIC_CALLER, type AppRole, type Caller } from './roles';
export { isDatabaseUnavailable } from './errors';

/** Where the embedded database keeps its files when no DATABASE_URL is given. */
const DEFAULT_PGLITE_DIR = './data/pglite';

const log = (message: string) => console.error(message);

/**
 * Opens the app's database from the environment (process.env rather than $env: scripts
 * and benchmarks outside Vite open it too).
 *
 * - DATABASE_URL: a PostgreSQL the app only reads and writes as the API roles; its schema
 *   is migrated separately, with the owner's rights (`npm run db:migrate`). Opening sends
 *   nothing, so the app starts and answers 503 while that database is down.
 * - otherwise: embedded PGlite in PGLITE_DATA_DIR, which the app owns: it migrates it and
 *   loads the demo data itself, so the first `npm start` shows a map. If another process
 *   holds the folder, it waits PGLITE_LOCK_WAIT_S seconds (default 35) and then gives up.
 */
export async function openAppDatabase(env: NodeJS.ProcessEnv = process.env): Promise<Database> {
	if (env.DATABASE_URL) {
		const db = await openPostgres(env.DATABASE_URL);
		void startupWarnings(db).then((warnings) => warnings.forEach((w) => log(`[db] ${w}`)));
		return db;
	}
	const waitS = Number(env.PGLITE_LOCK_WAIT_S);
	return openEmbeddedDatabase(env.PGLITE_DATA_DIR ?? DEFAULT_PGLITE_DIR, {
		log,
		waitMs: Number.isFinite(waitS) && waitS >= 0 ? waitS * 1000 : undefined,
		async prepare(db, fresh) {
			if (fresh) log('[db] applying migrations');
			const report = await migrate(db, { seed: true });
			if (report.applied.length && !fresh) log(`[db] applied ${report.applied.join(', ')}`);
			if (report.seeded) log('[db] loaded the demo data (示例数据)');
		},
		onLockLost(error) {
			// Another process has taken the folder: writing on would corrupt it.
			log(`[db] lost the lock on the embedded database folder (${error.message}); stopping`);
			process.exit(70);
		}
	});
}

// On globalThis rather than in a module variable: the dev server reloads modules, and a
// second PGlite on the same folder in the same process would wait for its own lock.
const HOLDER = Symbol.for('renewal-atlas.database');
type Holder = { [HOLDER]?: Promise<Database> };
const holder = globalThis as Holder;

/** The app's one database, opened once per process. */
export function getDatabase(): Promise<Database> {
	holder[HOLDER] ??= openAppDatabase().catch((error: unknown) => {
		holder[HOLDER] = undefined; // let the next request retry rather than caching the failure
		throw error;
	});
	return holder[HOLDER];
}

/** Closes the app's database if it was opened: PGlite's close, the pool's end. */
export async function closeDatabase(): Promise<void> {
	const opening = holder[HOLDER];
	holder[HOLDER] = undefined;
	const db = await opening?.catch(() => undefined);
	await db?.close();
}
