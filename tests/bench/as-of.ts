import { loadAtlas } from '../../src/lib/server/atlas';
import type { Caller } from '../../src/lib/server/db/roles';
import { openSeeded, type Backend } from '../db/backends';

/** (g) The district map's data as it stands and as of a past date, alternating, on one database. */
export interface AsOfFigures {
	backend: string;
	/** Entries in the record the replay reads. */
	entries: number;
	live: number[];
	past: number[];
}

const PLANNER: Caller = { role: 'authenticated', userId: '00000000-0000-4000-8000-0000000000f1', appRole: 'planner', subdistricts: [] };

export async function asOfFigures(backend: Backend, rounds: number, warmup: number, date = '2021-06-30'): Promise<AsOfFigures> {
	const scratch = await openSeeded(backend);
	try {
		const [{ n }] = await scratch.db.query<{ n: number }>(`select count(*)::int as n from public.audit_log`);
		const live: number[] = [];
		const past: number[] = [];
		const time = async (asOf: string | null) => {
			const start = performance.now();
			await loadAtlas(PLANNER, { db: scratch.db, asOf });
			return performance.now() - start;
		};
		for (let i = 0; i < warmup + rounds; i++) {
			const [a, b] = [await time(null), await time(date)];
			if (i >= warmup) {
				live.push(a);
				past.push(b);
			}
		}
		return { backend: backend.name, entries: n, live, past };
	} finally {
		await scratch.dispose();
	}
}
