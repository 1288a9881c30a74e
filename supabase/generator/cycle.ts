/**
 * A plausible state of the current annual cycle (DOMAIN.md §6): the candidate lists for the
 * plan year after the demo was made, due on 31 October. Most offices sent theirs in October,
 * two streets after the deadline, and one street and two towns not yet. The lists are empty:
 * every demo community is in the 2020–2022 batches already, and candidates are not invented.
 */
import type { Rng } from './rng';
import type { SeedSubdistrict } from './subdistricts';

export interface SeedSubmission {
	id: string;
	planYear: number;
	subdistrictCode: string;
	submittedAt: string;
	note: string;
}

/** The plan year of the demo cycle: its lists were due on 2026-10-31. */
export const CYCLE_YEAR = 2027;

export function candidateSubmissions(rng: Rng, subdistricts: readonly SeedSubdistrict[]): SeedSubmission[] {
	const streets = rng.shuffle(subdistricts.filter((s) => s.kind === 'street'));
	const towns = rng.shuffle(subdistricts.filter((s) => s.kind === 'town'));
	const late = new Set(streets.slice(0, 2));
	const missing = new Set([streets[2], ...towns.slice(0, 2)]);
	return [...subdistricts]
		.sort((a, b) => a.code.localeCompare(b.code))
		.filter((s) => !missing.has(s))
		.map((s) => {
			const day = late.has(s) ? `${CYCLE_YEAR - 1}-11-${String(rng.int(3, 18)).padStart(2, '0')}` : `${CYCLE_YEAR - 1}-10-${String(rng.int(8, 31)).padStart(2, '0')}`;
			return {
				id: rng.uuid(),
				planYear: CYCLE_YEAR,
				subdistrictCode: s.code,
				submittedAt: `${day}T${String(rng.int(9, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+08:00`,
				note: '示例数据：候选小区名单未录入'
			};
		});
}
