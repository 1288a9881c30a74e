import type { MultiPolygon } from 'geojson';
import type { Atlas } from '$lib/domain/types';
import { asCaller, getDatabase, type Caller, type Database } from '../db';
import { endOfDay } from '$lib/domain/as-of';
import { readAsOf } from '../history/as-of';
import { selectFlags } from '../underground-first/flags';
import * as q from './queries';
import { toBatchProgress, toBuildingFeature, toCommunityFeature, toSubdistrict, toTarget } from './to-features';

/** The district the app shows until it grows beyond Zhangdian. */
export const DISTRICT_CODE = '370303';

export interface AtlasOptions {
	db?: Database;
	districtCode?: string;
	/** A past date (YYYY-MM-DD, see $lib/domain/as-of) to show the district as it was then. */
	asOf?: string | null;
	/** …or an exact moment (a timestamptz), as tests compare with what they saw. */
	moment?: string;
}

/**
 * Everything the district map shows, read as `caller` so row-level security decides what
 * is visible: the public sees published communities only. For a past date, the same
 * queries read the rows replayed from the record of changes.
 */
export async function loadAtlas(caller: Caller, options: AtlasOptions = {}): Promise<Atlas> {
	const { districtCode = DISTRICT_CODE, asOf = null } = options;
	const database = options.db ?? (await getDatabase());
	const moment = options.moment ?? (asOf ? endOfDay(asOf) : null);
	return asCaller(database, caller, async (live) => {
		const tx = moment ? await readAsOf(live, moment) : live;
		const [{ began }] = await live.query<{ began: string | null }>(`select private.record_began()::text as began`);
		// One transaction, one snapshot; PGlite runs these one after another either way.
		const [district] = await q.selectDistrict(tx, districtCode);
		if (!district) throw new Error(`District ${districtCode} is not in the database`);
		const subdistricts = (await q.selectSubdistricts(tx, districtCode)).map(toSubdistrict);
		const communities = (await q.selectCommunities(tx, districtCode)).map(toCommunityFeature);
		// Derived from the pipelines, which the public may not read: staff only, and only now
		// (the pipelines have no replayed past).
		if (caller.role === 'authenticated' && !moment) {
			const flags = await selectFlags(live);
			for (const c of communities) {
				const flag = flags.get(c.properties.id);
				if (flag) c.properties.undergroundFirst = flag;
			}
		}
		const buildings = (await q.selectBuildings(tx, districtCode)).map(toBuildingFeature);
		const targets = (await q.selectTargets(tx, districtCode)).map(toTarget);
		const batchProgress = (await q.selectBatchProgress(tx)).map(toBatchProgress);
		const outline: MultiPolygon = JSON.parse(district.outline);
		return {
			district: {
				code: district.code,
				name: district.name,
				outline: { type: 'Feature', geometry: outline, properties: { name: district.name } }
			},
			subdistricts,
			subdistrictLabels: {
				type: 'FeatureCollection',
				features: subdistricts.flatMap((s) =>
					s.labelPoint
						? [
								{
									type: 'Feature' as const,
									geometry: { type: 'Point' as const, coordinates: s.labelPoint },
									properties: { code: s.code, name: s.name, approximate: s.labelIsApproximate }
								}
							]
						: []
				)
			},
			communities: { type: 'FeatureCollection', features: communities },
			buildings: { type: 'FeatureCollection', features: buildings },
			targets,
			batchProgress,
			asOf,
			recordBegan: began
		};
	});
}
