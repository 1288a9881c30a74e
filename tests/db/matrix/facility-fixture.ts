import type { Database } from '../../../src/lib/server/db/types';
import { COMMUNITY, PLACES, type Place } from './fixture';

/**
 * Facilities for the matrix, added as the owner after the main fixture: in each of the four
 * places one existing waste sorting point, and a facility kind nothing refers to. The
 * pipe clearances are the migration's own rows.
 */
export const FACILITY: Record<Place, string> = {
	A: '05000000-0000-4000-8000-00000000000a',
	'A-draft': '05000000-0000-4000-8000-0000000000ad',
	B: '05000000-0000-4000-8000-00000000000b',
	'B-draft': '05000000-0000-4000-8000-0000000000bd'
};

export const SPARE_FACILITY_KIND = 'matrix_kind';

/** A point in the square of `community`, clear of the fixture's buildings and pipes (`slot` 0–3 along a row). */
export function spotIn(community: keyof typeof COMMUNITY, slot = 0): string {
	const x = 118.05 + Object.keys(COMMUNITY).indexOf(community) * 0.002 + 0.0002 + slot * 0.0002;
	return `extensions.st_setsrid(extensions.st_makepoint(${x}, 36.8108), 4326)`;
}

export async function addFacilityFixture(db: Database): Promise<void> {
	await db.transaction((tx) =>
		tx.exec(`
			insert into public.facility_kinds (code, ordinal, name_zh, name_en, icon, catalogue_code, geometry_kind, capacity_unit, is_structure)
			values ('${SPARE_FACILITY_KIND}', 90, '矩阵设施', 'Matrix facility', 'marker', 'sanitation', 'point', '个', false);
			insert into public.facilities (id, community_id, kind, state, capacity, geom)
			values ${PLACES.map((p) => `('${FACILITY[p]}', '${COMMUNITY[p]}', 'sanitation_point', 'existing', 4, ${spotIn(p)})`).join(',\n')};
		`)
	);
}
