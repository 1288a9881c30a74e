import { access, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { FILE_LOCK_STALE_MS, FolderLockedError, lockFolder, type FolderLock } from './folder-lock';
import { openPglite } from './pglite';
import type { Database } from './types';

// PGlite is a single-user PostgreSQL: two processes on one folder overwrite each other's
// files, and a process killed while PGlite creates a folder leaves one that aborts on every
// later start. So a lock lets one process at a time use the folder, and a new folder is
// built beside the real one and renamed into place only once it is complete.

export class FolderInUseError extends Error {
	override readonly name = 'FolderInUseError';
}

export interface EmbeddedOptions {
	/** Brings the database to the current schema; `fresh` when the folder is being created. */
	prepare(db: Database, fresh: boolean): Promise<void>;
	log?: (message: string) => void;
	/** How long to wait for another process to let go of the folder (default 35 s). */
	waitMs?: number;
	/** Called if the lock is lost while open (a file lock removed by hand): stop using the folder. */
	onLockLost?: (error: Error) => void;
}

const DEFAULT_WAIT_MS = FILE_LOCK_STALE_MS + 5_000;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function exists(path: string): Promise<boolean> {
	return access(path).then(
		() => true,
		() => false
	);
}

async function acquireLock(folder: string, options: EmbeddedOptions): Promise<FolderLock> {
	const log = options.log ?? console.error;
	const onLost = options.onLockLost ?? ((error: Error) => log(`[db] ${error.message}`));
	const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
	for (let announced = false; ; ) {
		try {
			return await lockFolder(folder, onLost);
		} catch (error) {
			if (!(error instanceof FolderLockedError)) throw error;
			if (Date.now() >= deadline) {
				throw new FolderInUseError(`${error.message}. Stop that process, or give this one a folder of its own with PGLITE_DATA_DIR.`);
			}
			if (!announced) {
				log(`[db] ${error.message}; waiting up to ${Math.ceil((deadline - Date.now()) / 1000)} s for it to let go.`);
				announced = true;
			}
			await sleep(500);
		}
	}
}

/** Removes half-built folders that a process killed during its first start left behind. */
async function removeLeftovers(folder: string): Promise<void> {
	const prefix = `${basename(folder)}.init-`;
	for (const name of await readdir(dirname(folder))) {
		if (name.startsWith(prefix)) await rm(join(dirname(folder), name), { recursive: true, force: true });
	}
}

/** Whether `folder` holds a database; an empty folder is removed so it can be created afresh. */
async function holdsDatabase(folder: string): Promise<boolean> {
	if (!(await exists(folder))) return false;
	if (await exists(join(folder, 'PG_VERSION'))) return true;
	if ((await readdir(folder)).length === 0) {
		await rm(folder, { recursive: true });
		return false;
	}
	throw new Error(`${folder} is neither empty nor a database folder; move it away or set PGLITE_DATA_DIR to another folder.`);
}

async function createAtomically(folder: string, options: EmbeddedOptions): Promise<void> {
	const building = `${folder}.init-${process.pid}`;
	(options.log ?? console.error)(`[db] creating the embedded database in ${folder} (first start, about 10 s)`);
	try {
		const db = await openPglite(building);
		try {
			await options.prepare(db, true);
		} finally {
			await db.close();
		}
		await rename(building, folder);
	} catch (error) {
		await rm(building, { recursive: true, force: true });
		throw error;
	}
}

/**
 * Opens the embedded database in `dataDir` (or in memory for `memory://`) for this process
 * alone, creating and preparing it on the first start, and preparing it again (new
 * migrations) on every later one. Closing it releases the folder.
 */
export async function openEmbeddedDatabase(dataDir: string, options: EmbeddedOptions): Promise<Database> {
	if (dataDir.includes('://')) {
		const db = await openPglite(dataDir);
		await options.prepare(db, true);
		return db;
	}
	const folder = resolve(dataDir);
	await mkdir(dirname(folder), { recursive: true });
	const lock = await acquireLock(folder, options);
	try {
		await removeLeftovers(folder);
		if (!(await holdsDatabase(folder))) await createAtomically(folder, options);
		const db = await openPglite(folder);
		await options.prepare(db, false).catch(async (error: unknown) => {
			await db.close();
			throw error;
		});
		return {
			...db,
			async close() {
				try {
					await db.close();
				} finally {
					await lock.release();
				}
			}
		};
	} catch (error) {
		await lock.release();
		throw error;
	}
}
