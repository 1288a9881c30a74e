import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './build';
import { scratchDatabase, type ScratchDatabase } from './database';

export interface RunningApp {
	url: string;
	database: string;
	stop(): Promise<void>;
}

/** A port the kernel just handed out on loopback; free unless someone grabs it meanwhile. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => (port ? resolve(port) : reject(new Error('no port'))));
		});
	});
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once the server answers HTTP at all; rejects if it exits or the time runs out. */
async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`node build exited (${child.signalCode ?? child.exitCode}) before answering`);
		}
		try {
			await fetch(url, { signal: AbortSignal.timeout(2_000) });
			return;
		} catch {
			await sleep(200);
		}
	}
	throw new Error(`node build did not answer ${url} within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
		child.once('exit', () => {
			clearTimeout(kill);
			resolve();
		});
		child.kill('SIGTERM');
	});
}

/**
 * Starts the built app (`node build`) on a free loopback port with a database of its own,
 * and waits until it answers. Its output goes to test-results/server-<port>.log.
 */
export async function startApp(): Promise<RunningApp> {
	const database: ScratchDatabase = await scratchDatabase();
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	await mkdir(join(ROOT, 'test-results'), { recursive: true });
	const log = createWriteStream(join(ROOT, 'test-results', `server-${port}.log`));

	// Only one of the two variables may reach the app: DATABASE_URL wins over PGlite there.
	const inherited = { ...process.env };
	delete inherited.DATABASE_URL;
	delete inherited.PGLITE_DATA_DIR;
	const child = spawn(process.execPath, ['build'], {
		cwd: ROOT, // the server reads supabase/ relative to its working directory
		env: { ...inherited, ...database.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, NODE_ENV: 'production' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.pipe(log);
	child.stderr?.pipe(log);

	const stop = async () => {
		await stopChild(child);
		log.end();
		await database.dispose();
	};
	try {
		await waitForHttp(url, child, 60_000);
		// The first request opens, migrates and seeds the database (about 10 s on PGlite):
		// pay for it here rather than inside the first test's timeout.
		await fetch(`${url}/api/atlas`, { signal: AbortSignal.timeout(120_000) }).catch(() => undefined);
	} catch (error) {
		await stop();
		throw new Error(`${error instanceof Error ? error.message : String(error)}; see test-results/server-${port}.log`);
	}
	return { url, database: database.label, stop };
}
