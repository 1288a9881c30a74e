import { createHash } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';

/** The folder is held by another live process. */
export class FolderLockedError extends Error {
	override readonly name = 'FolderLockedError';
	constructor(
		readonly folder: string,
		/** The holder's process id, when the lock can tell. */
		readonly holder?: number
	) {
		super(`${folder} is in use by ${holder ? `process ${holder}` : 'another process'}`);
	}
}

export interface FolderLock {
	release(): Promise<void>;
}

/** A lock whose holder stopped updating it this long ago belongs to a crashed process. */
export const FILE_LOCK_STALE_MS = 30_000;

/**
 * On Linux the lock is a socket in the abstract namespace, named after the folder: the
 * kernel lets one process bind the name and frees it the moment that process ends, however
 * it ends, so a crashed server's successor starts at once and no stale file is left. The
 * holder answers a connection with its process id, for the message. (Abstract names are
 * per network namespace: containers sharing a volume need a folder each.)
 */
async function lockWithSocket(folder: string): Promise<FolderLock> {
	const name = `\0renewal-atlas-pglite:${createHash('sha256').update(folder).digest('hex')}`;
	const server: Server = createServer((socket) => {
		socket.on('error', () => undefined); // an asker that hung up early must not bring the holder down
		socket.end(`${process.pid}\n`);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen({ path: name, exclusive: true }, () => resolve());
	}).catch(async (error: unknown) => {
		if ((error as { code?: unknown }).code !== 'EADDRINUSE') throw error;
		throw new FolderLockedError(folder, await holderOf(name));
	});
	server.unref(); // the lock must not keep a stopping process alive
	return { release: () => new Promise((resolve) => server.close(() => resolve())) };
}

function holderOf(name: string): Promise<number | undefined> {
	return new Promise((resolve) => {
		let answer = '';
		const socket = connect({ path: name }, () => undefined);
		socket.setTimeout(1_000, () => socket.destroy());
		socket.on('data', (chunk) => (answer += chunk.toString()));
		socket.on('close', () => resolve(Number.parseInt(answer, 10) || undefined));
		socket.on('error', () => resolve(undefined));
	});
}

/**
 * Elsewhere, a lock directory beside the folder (proper-lockfile), kept fresh while held;
 * one left by a crashed process counts as free once FILE_LOCK_STALE_MS have passed.
 */
async function lockWithFile(folder: string, onLost: (error: Error) => void): Promise<FolderLock> {
	try {
		const release = await lockfile.lock(folder, {
			realpath: false, // the folder may not exist yet
			lockfilePath: `${folder}.lock`,
			stale: FILE_LOCK_STALE_MS,
			update: FILE_LOCK_STALE_MS / 3,
			onCompromised: onLost
		});
		return { release };
	} catch (error) {
		if ((error as { code?: unknown }).code === 'ELOCKED') throw new FolderLockedError(folder);
		throw error;
	}
}

/**
 * Takes `folder` for this process, or throws FolderLockedError at once if another process
 * holds it. `onLost` is called if a file lock is taken away while held.
 */
export async function lockFolder(folder: string, onLost: (error: Error) => void): Promise<FolderLock> {
	// One name per folder however it is spelled: the parent exists, the folder may not yet.
	const canonical = join(await realpath(dirname(folder)), basename(folder));
	return process.platform === 'linux' ? lockWithSocket(canonical) : lockWithFile(canonical, onLost);
}
