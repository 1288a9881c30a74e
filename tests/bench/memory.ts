import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../../scripts/build';
import { openEmbeddedDatabase } from '../../src/lib/server/db/embedded';
import { migrate } from '../../src/lib/server/db/migrate';
import { scratchPglite, scratchPostgres, type ScratchDatabase } from '../e2e/harness/database';
import { sleep, spawnApp } from '../e2e/harness/server';
import { underLoad } from '../server/harness/load';
import type { ChildFigures, Variant } from './memory-child';

const run = promisify(execFile);
const VARIANTS: Variant[] = ['node', 'pglite', 'pglite+postgis', 'pglite+postgis, app settings'];

/** Resident and peak resident memory of a process, in MiB, from the kernel. */
async function residentMiB(pid: number): Promise<{ rss: number; peak: number }> {
	const status = await readFile(`/proc/${pid}/status`, 'utf8');
	const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
	return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/** (d) Where the embedded database's memory goes: one process per set-up, same seeded folder. */
export async function pgliteBreakdown(): Promise<({ variant: Variant } & ChildFigures)[]> {
	const scratch = await scratchPglite();
	const folder = (scratch.env as { PGLITE_DATA_DIR: string }).PGLITE_DATA_DIR;
	try {
		const db = await openEmbeddedDatabase(folder, { prepare: (d) => migrate(d, { seed: true }).then(() => undefined), log: () => undefined });
		await db.close();
		const results = [];
		for (const variant of VARIANTS) {
			const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'tests', 'bench', 'memory-child.ts'), folder, variant], { cwd: ROOT });
			const figures: ChildFigures = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
			results.push({ variant, ...figures });
		}
		return results;
	} finally {
		await scratch.dispose();
	}
}

export interface ServerMemory {
	backend: string;
	idle: number;
	loaded: number;
	peak: number;
	requests: number;
}

/** (e) The built server's resident memory idle after start-up, and during and after load. */
export async function serverMemory(database: ScratchDatabase, backend: string): Promise<ServerMemory> {
	const app = await spawnApp(database.env);
	try {
		await app.waitUntilServing();
		const pid = app.child.pid ?? 0;
		await fetch(`${app.url}/api/atlas`).then((r) => r.arrayBuffer());
		await sleep(3_000);
		const idle = (await residentMiB(pid)).rss;
		let loaded = 0;
		const outcomes = await underLoad(`${app.url}/api/atlas`, 5, async () => {
			for (let i = 0; i < 8; i++) {
				await sleep(1_000);
				loaded = Math.max(loaded, (await residentMiB(pid)).rss);
			}
		});
		const { peak } = await residentMiB(pid);
		return { backend, idle, loaded, peak, requests: outcomes.filter((o) => o.status === 200).length };
	} finally {
		await app.stop();
		await database.dispose();
	}
}

export async function memoryFigures(): Promise<{ breakdown: Awaited<ReturnType<typeof pgliteBreakdown>>; servers: ServerMemory[] }> {
	const breakdown = await pgliteBreakdown();
	const servers = [await serverMemory(await scratchPglite(), 'PGlite (embedded)')];
	if (process.env.DATABASE_URL) servers.push(await serverMemory(await scratchPostgres(process.env.DATABASE_URL), 'PostgreSQL'));
	return { breakdown, servers };
}
