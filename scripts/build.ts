import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root: scripts and tests are always started from it (npm scripts, .ci/run). */
export const ROOT = process.cwd();

/** What `vite build` reads; supabase/ is left out because the server reads it at run time. */
const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json'];
/** Written last by adapter-node, so its time says when the build finished. */
const BUILD_MARKER = join('build', 'handler.js');

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs; // a deleted file shows only as a newer directory
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

/** Why build/ must be rebuilt, or null when it is newer than every source. */
export function staleReason(root = ROOT): string | null {
	const marker = join(root, BUILD_MARKER);
	if (!existsSync(marker)) return 'build/ is missing';
	const built = statSync(marker).mtimeMs;
	const newer = SOURCES.find((s) => newestMtime(join(root, s)) > built);
	return newer ? `${newer} changed since the last build` : null;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
	return new Promise((resolve, reject) => {
		// stdout goes to our stderr so a reporter reading stdout is not mixed with Vite's output.
		// NODE_ENV is production whoever asks: under vitest it is "test", and Vite and Svelte
		// would then build the development runtime (about 13 KiB more gzipped JS), so tests
		// and the benchmark would exercise something other than what users get.
		const env = { ...process.env, NODE_ENV: 'production' };
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', process.stderr, process.stderr] });
		child.on('error', reject);
		child.on('exit', (code, signal) =>
			code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`))
		);
	});
}

/** Runs `npm run build` unless build/ is already newer than the sources. */
export async function ensureBuild(root = ROOT): Promise<void> {
	const reason = staleReason(root);
	if (!reason) return;
	console.error(`[build] building the app: ${reason}`);
	await run('npm', ['run', 'build'], root);
}
