import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/lib/domain/types';
import { sleep, spawnApp, type AppProcess } from '../e2e/harness/server';

const IN_USE = /is in use by process \d+/;

async function communities(app: AppProcess): Promise<number> {
	const response = await fetch(`${app.url}/api/atlas`);
	expect(response.status).toBe(200);
	return ((await response.json()) as Atlas).communities.features.length;
}

// Real processes on one embedded folder, as two `npm start`s or a restart loop make them.
describe('two servers and one embedded database folder', () => {
	let root: string;
	beforeAll(async () => {
		root = await mkdtemp(join(tmpdir(), 'atlas-folder-'));
	});
	afterAll(() => rm(root, { recursive: true, force: true }));

	it('started together on an empty folder: one serves, the other says why it cannot and does not touch it', async () => {
		const dataDir = join(root, 'together', 'pglite');
		const [a, b] = await Promise.all([spawnApp({ PGLITE_DATA_DIR: dataDir }), spawnApp({ PGLITE_DATA_DIR: dataDir })]);
		try {
			const first = await Promise.race([a.waitUntilServing().then(() => a), b.waitUntilServing().then(() => b)]);
			const second = first === a ? b : a;
			await second.waitForOutput(IN_USE, 10_000);
			expect(await communities(first)).toBe(22);
			expect(second.child.exitCode).toBeNull(); // waiting, not serving
			await expect(fetch(second.url)).rejects.toThrow();
			expect(await first.stop()).toEqual({ code: 0, signal: null });
			// The waiting one takes the folder over once it is free, and finds it whole.
			await second.waitUntilServing(40_000);
			expect(await communities(second)).toBe(22);
		} finally {
			await Promise.all([a.stop(), b.stop()]);
		}
		expect(await readdir(join(root, 'together'))).toEqual(['pglite']);
	});

	it('on a folder in use, a second server waits PGLITE_LOCK_WAIT_S, then exits with a clear message', async () => {
		const dataDir = join(root, 'together', 'pglite');
		const holder = await spawnApp({ PGLITE_DATA_DIR: dataDir });
		try {
			await holder.waitUntilServing();
			const late = await spawnApp({ PGLITE_DATA_DIR: dataDir, PGLITE_LOCK_WAIT_S: '2' });
			const exit = await late.exited;
			expect(exit.code).toBe(1);
			expect(late.output()).toMatch(IN_USE);
			expect(late.output()).toMatch(/give this one a folder of its own with PGLITE_DATA_DIR/);
			expect(await communities(holder)).toBe(22);
		} finally {
			await holder.stop();
		}
	});

	it('killed at any moment of its first start, leaves a folder the next start opens', async () => {
		const parent = join(root, 'killed');
		const dataDir = join(parent, 'pglite');
		// Moments spread over the first start — loading PGlite, initdb, copying the new
		// cluster, migrating (PostGIS), seeding, renaming into place — counted from the phase
		// lines the server prints, so a slow or busy machine moves them along.
		const moments: [RegExp | null, number][] = [
			[null, 300],
			[/creating the embedded database/, 1_500],
			[/creating the embedded database/, 4_000],
			[/applying migrations/, 0],
			[/applying migrations/, 1_000],
			[/applying migrations/, 3_000],
			[/applying migrations/, 6_000],
			[/applying migrations/, 10_000]
		];
		const reached: string[] = [];
		for (const [phase, ms] of moments) {
			const app = await spawnApp({ PGLITE_DATA_DIR: dataDir });
			if (phase) await app.waitForOutput(phase, 60_000);
			await sleep(ms);
			await app.stop('SIGKILL');
			reached.push(app.output().trim().split('\n').at(-1) ?? '(nothing yet)');
		}
		// The kills must land in the phases that matter, not all before or after them.
		expect(reached.some((line) => /creating the embedded database/.test(line)), reached.join('\n')).toBe(true);
		expect(reached.some((line) => /applying migrations/.test(line)), reached.join('\n')).toBe(true);
		const app = await spawnApp({ PGLITE_DATA_DIR: dataDir, PGLITE_LOCK_WAIT_S: '60' });
		try {
			await app.waitUntilServing(120_000);
			expect(await communities(app)).toBe(22);
		} finally {
			await app.stop();
		}
		expect(await readdir(parent)).toEqual(['pglite']);
	}, 240_000);
});
