/**
 * One PGlite set-up in a process of its own, so its resident memory is measured alone:
 * `memory-child.ts <folder> <variant>`, printing one JSON line of figures in MiB.
 * The folder holds a migrated, seeded atlas (PostGIS in its catalogue).
 */
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLITE_SETTINGS } from '../../src/lib/server/db/pglite';
import { asCaller, PUBLIC_CALLER } from '../../src/lib/server/db/roles';
import * as q from '../../src/lib/server/atlas/queries';
import type { Queryable, SqlParam } from '../../src/lib/server/db/types';

export type Variant = 'node' | 'pglite' | 'pglite+postgis' | 'pglite+postgis, app settings';

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

export interface Snapshot {
	rss: number;
	arrayBuffers: number;
	external: number;
	heap: number;
}
export interface ChildFigures {
	snapshots: { start: Snapshot; open?: Snapshot; queried?: Snapshot };
	installedFiles?: number;
	wasmMemory?: number;
}

function snapshot(): Snapshot {
	const m = process.memoryUsage();
	return { rss: mib(m.rss), arrayBuffers: mib(m.arrayBuffers), external: mib(m.external), heap: mib(m.heapUsed) };
}

const [folder, variant] = process.argv.slice(2) as [string, Variant];
const figures: ChildFigures['snapshots'] = { start: snapshot() };
const extra: { installedFiles?: number; wasmMemory?: number } = {};
if (variant !== 'node') {
	const settings = variant === 'pglite+postgis, app settings' ? Object.entries(PGLITE_SETTINGS).flatMap(([k, v]) => ['-c', `${k}=${v}`]) : [];
	const pg = await PGlite.create(folder, {
		extensions: variant === 'pglite' ? {} : { postgis },
		startParams: [...PGlite.defaultStartParams, ...settings]
	});
	figures.open = snapshot();
	const db: Queryable & { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> } = {
		query: async <Row>(sql: string, params: SqlParam[] = []) => (await pg.query<Row>(sql, params)).rows,
		exec: async (sql: string) => void (await pg.exec(sql)),
		transaction: (fn) => pg.transaction((tx) => fn({ query: async (s, p = []) => (await tx.query(s, p)).rows as never, exec: async (s) => void (await tx.exec(s)) }))
	};
	if (variant === 'pglite') {
		for (let i = 0; i < 20; i++) await db.query('select count(*) from public.communities');
	} else {
		// What /api/atlas reads, twenty times: PostGIS loaded and its caches warm.
		for (let i = 0; i < 20; i++) {
			await asCaller({ kind: 'pglite', ...db, close: async () => undefined }, PUBLIC_CALLER, async (tx) => {
				await q.selectCommunities(tx, '370303');
				await q.selectBuildings(tx, '370303');
			});
		}
	}
	figures.queried = snapshot();
	// Where the rest lives: PostgreSQL's and PostGIS's installation files, copied into an
	// in-memory file system, and PostgreSQL's WebAssembly memory (shared buffers included).
	const fs = pg.Module.FS;
	const sizeOf = (dir: string): number =>
		fs.readdir(dir).reduce((sum: number, name: string) => {
			if (name === '.' || name === '..') return sum;
			const stat = fs.stat(`${dir}/${name}`);
			return sum + (fs.isDir(stat.mode) ? sizeOf(`${dir}/${name}`) : stat.size);
		}, 0);
	extra.installedFiles = mib(sizeOf('/pglite'));
	extra.wasmMemory = mib(pg.Module.HEAPU8.length);
	await pg.close();
}
console.log(JSON.stringify({ snapshots: figures, ...extra }));
process.exit(0);
