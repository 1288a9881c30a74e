/**
 * Sub-districts (街道) and towns (镇) with approximate label points. No official polygons or
 * centres are public (PROVENANCE.md), so these points are rough guesses of where each lies
 * in Zhangdian, flagged label_is_approximate; they only anchor labels and demo placement.
 */
import type { Point } from 'geojson';
import type { SubdistrictKind } from '../../src/lib/domain/types';
import type { SubdistrictRow } from './reference';

/** WGS84 guesses; the urban core is around 118.05 E, 36.80 N. */
const LABEL_POINTS: Record<string, [number, number]> = {
	车站街道: [118.052, 36.818], // north-central, around the railway station
	公园街道: [118.054, 36.801], // central
	和平街道: [118.03, 36.804], // central-west
	体育场街道: [118.05, 36.785], // central-south
	科苑街道: [117.995, 36.812], // west, the high-tech zone
	湖田街道: [118.112, 36.806], // east
	四宝山街道: [118.098, 36.845], // north-east
	马尚街道: [118.09, 36.77], // south-east
	南定镇: [118.07, 36.74], // south
	沣水镇: [118.135, 36.75], // far south-east
	傅家镇: [117.975, 36.79], // west
	中埠镇: [117.99, 36.86], // north-west
	房镇镇: [118.05, 36.87] // north
};

export interface SeedSubdistrict {
	code: string;
	name: string;
	kind: SubdistrictKind;
	labelPoint: Point;
	labelIsApproximate: boolean;
}

export function subdistrictKind(name: string): SubdistrictKind {
	if (name.endsWith('街道')) return 'street';
	if (name.endsWith('镇')) return 'town';
	throw new Error(`unknown kind of sub-district: ${name}`);
}

export function buildSubdistricts(rows: readonly SubdistrictRow[]): SeedSubdistrict[] {
	return rows.map((row) => {
		const point = LABEL_POINTS[row.name];
		if (!point) throw new Error(`no label point for ${row.name}`);
		return {
			code: row.code,
			name: row.name,
			kind: subdistrictKind(row.name),
			labelPoint: { type: 'Point', coordinates: [...point] },
			labelIsApproximate: true
		};
	});
}
