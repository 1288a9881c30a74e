import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/build';
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

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Exit {
	code: number | null;
	signal: NodeJS.Signals | null;
}

/** The built server (`node build`) in a process of its own, as an operator runs it. */
export interface AppProcess {
	url: string;
	child: ChildProcess;
	/** Everything it printed so far, stdout and stderr together. */
	output(): string;
	/** Resolves when its output matches `pattern`; rejects when it exits first or time runs out. */
	waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
	/** Resolves once the server answers HTTP at all. */
	waitUntilServing(timeoutMs?: number): Promise<void>;
	exited: Promise<Exit>;
	/** Sends `signal` and waits for the exit (SIGKILL after `graceMs`). */
	stop(signal?: NodeJS.Signals, graceMs?: number): Promise<Exit>;
}

/**
 * Starts `node build` on a free loopback port with `env` (DATABASE_URL or PGLITE_DATA_DIR)
 * and returns at once. Its output also goes to test-results/server-<port>.log.
 */
export async function spawnApp(env: Record<string, string>): Promise<AppProcess> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	await mkdir(join(ROOT, 'test-results'), { recursive: true });
	const log = createWriteStream(join(ROOT, 'test-results', `server-${port}.log`));

	// Only the given database may reach the app: DATABASE_URL wins over PGlite there.
	const inherited = { ...process.env };
	delete inherited.DATABASE_URL;
	delete inherited.PGLITE_DATA_DIR;
	const child = spawn(process.execPath, ['build'], {
		cwd: ROOT, // the server reads supabase/ relative to its working directory
		env: { ...inherited, ...env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, NODE_ENV: 'production' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let printed = '';
	const listeners = new Set<() => void>();
	for (const stream of [child.stdout, child.stderr]) {
		stream?.on('data', (chunk: Buffer) => {
			printed += chunk.toString();
			log.write(chunk);
			listeners.forEach((check) => check());
		});
	}
	const exited = new Promise<Exit>((resolve) =>
		child.once('exit', (code, signal) => {
			log.end();
			resolve({ code, signal });
		})
	);
	const hasExited = () => child.exitCode !== null || child.signalCode !== null;

	const app: AppProcess = {
		url,
		child,
		output: () => printed,
		waitForOutput(pattern, timeoutMs = 60_000) {
			return new Promise((resolve, reject) => {
				const done = (error?: Error) => {
					listeners.delete(check);
					clearTimeout(timer);
					if (error) reject(error);
					else resolve();
				};
				const check = () => {
					if (pattern.test(printed)) done();
				};
				const timer = setTimeout(() => done(new Error(`no ${pattern} in the output within ${timeoutMs} ms:\n${printed}`)), timeoutMs);
				listeners.add(check);
				void exited.then(() => setTimeout(() => done(new Error(`exited before printing ${pattern}:\n${printed}`)), 50));
				check();
			});
		},
		async waitUntilServing(timeoutMs = 90_000) {
			const deadline = Date.now() + timeoutMs;
			while (Date.now() < deadline) {
				if (hasExited()) throw new Error(`node build exited (${child.signalCode ?? child.exitCode}) before answering:\n${printed}`);
				try {
					// Long enough for a first page on a busy machine (shared CPUs answer it in 3–5 s):
					// a shorter wait aborts every try, and the aborted renders only add to the load.
					await fetch(url, { signal: AbortSignal.timeout(15_000) });
					return;
				} catch {
					await sleep(200);
				}
			}
			throw new Error(`node build did not answer ${url} within ${timeoutMs} ms:\n${printed}`);
		},
		exited,
		async stop(signal = 'SIGTERM', graceMs = 10_000) {
			if (hasExited()) return exited;
			const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
			child.kill(signal);
			const exit = await exited;
			clearTimeout(kill);
			return exit;
		}
	};
	return app;
}

/**
 * Starts the built app on a free loopback port with a fresh database of its own, and
 * waits until it answers.
 */
export async function startApp(): Promise<RunningApp> {
	const database: ScratchDatabase = await scratchDatabase();
	const app = await spawnApp(database.env);
	const stop = async () => {
		await app.stop();
		await database.dispose();
	};
	try {
		await app.waitUntilServing();
		// Pay for the first request's warm-up (PostGIS loading, caches) here rather than
		// inside the first test's timeout.
		await fetch(`${app.url}/api/atlas`, { signal: AbortSignal.timeout(120_000) }).catch(() => undefined);
	} catch (error) {
		await stop();
		throw new Error(`${error instanceof Error ? error.message : String(error)}; see test-results/`);
	}
	return { url: app.url, database: database.label, stop };
}
