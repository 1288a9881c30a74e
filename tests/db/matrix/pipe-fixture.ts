import type { Database } from '../../../src/lib/server/db/types';
import { COMMUNITY, PLACES, type Place } from './fixture';

/**
 * Pipelines for the matrix, added as the owner after the main fixture: in each of the four
 * places one water segment and one manhole, and a pipeline type nothing refers to.
 */
export const PIPE_SEGMENT: Record<Place, string> = {
	A: '07000000-0000-4000-8000-00000000000a',
	'A-draft': '07000000-0000-4000-8000-0000000000ad',
	B: '07000000-0000-4000-8000-00000000000b',
	'B-draft': '07000000-0000-4000-8000-0000000000bd'
};

export const PIPE_NODE: Record<Place, string> = {
	A: '08000000-0000-4000-8000-00000000000a',
	'A-draft': '08000000-0000-4000-8000-0000000000ad',
	B: '08000000-0000-4000-8000-00000000000b',
	'B-draft': '08000000-0000-4000-8000-0000000000bd'
};

export const SPARE_PIPELINE_TYPE = 'matrix_type';

/** A pipe 1.2 m down at its west end and 1.5 m at its east end, across the square of `community`. */
export function pipeIn(community: keyof typeof COMMUNITY): string {
	const x = 118.05 + Object.keys(COMMUNITY).indexOf(community) * 0.002;
	return `extensions.st_geomfromtext('LINESTRING Z (${x + 0.0002} 36.8102 -1.2, ${x + 0.0008} 36.8102 -1.5)', 4326)`;
}

/** A manhole 1.2 m down at the west end of that pipe. */
export function manholeIn(community: keyof typeof COMMUNITY): string {
	const x = 118.05 + Object.keys(COMMUNITY).indexOf(community) * 0.002;
	return `extensions.st_geomfromtext('POINT Z (${x + 0.0002} 36.8102 -1.2)', 4326)`;
}

export async function addPipeFixture(db: Database): Promise<void> {
	await db.transaction((tx) =>
		tx.exec(`
			insert into public.pipeline_types (code, ordinal, name_zh, name_en) values ('${SPARE_PIPELINE_TYPE}', 90, '矩阵管线', 'Matrix line');
			insert into public.pipe_segments (id, community_id, pipeline_type, material, diameter_mm, depth_start_m, depth_end_m,
			  owner, state, renewed_on, geom)
			values ${PLACES.map((p) => `('${PIPE_SEGMENT[p]}', '${COMMUNITY[p]}', 'water', 'PE', 110, 1.2, 1.5, '淄博水务', 'renewed', '2021-06-30', ${pipeIn(p)})`).join(',\n')};
			insert into public.pipe_nodes (id, community_id, pipeline_type, kind, depth_m, state, geom)
			values ${PLACES.map((p) => `('${PIPE_NODE[p]}', '${COMMUNITY[p]}', 'water', 'manhole', 1.2, 'existing', ${manholeIn(p)})`).join(',\n')};
		`)
	);
}
