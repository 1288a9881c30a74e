/**
 * The reference inputs in supabase/reference/zhangdian: the DataV district outline (GCJ-02)
 * and the NBS 2023 sub-district codes. Read once and handed to the generator.
 */
import { readFileSync } from 'node:fs';
import type { MultiPolygon, Position } from 'geojson';
import { rewind } from '@turf/turf';
import { gcj02ToWgs84 } from '../../src/lib/geo/gcj02';
import { roundRing } from './polygon';

export const REFERENCE_DIR = new URL('../../supabase/reference/zhangdian/', import.meta.url);

export const DISTRICT_SOURCE =
	'Aliyun DataV GeoAtlas boundary of 370303 as mirrored in github.com/tnnevol/gmap (370303.json @ b248aaae); ' +
	'converted from GCJ-02 to WGS84 (iterative inverse of the GCJ-02 transform), outer ring rewound counter-clockwise. ' +
	'Not openly licensed: replaceable demo reference data.';

export interface SubdistrictRow {
	code: string;
	name: string;
}

export interface ReferenceData {
	/** The district outline in WGS84, rounded to 7 decimals, RFC 7946 winding. */
	outline: MultiPolygon;
	subdistricts: SubdistrictRow[];
}

function isPositionArray(v: unknown): v is Position[] {
	return Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number'));
}

/** The first feature's MultiPolygon coordinates, checked rather than trusted. */
function parseOutline(text: string): Position[][][] {
	const json: unknown = JSON.parse(text);
	const features: unknown = typeof json === 'object' && json !== null && 'features' in json ? json.features : undefined;
	const feature: unknown = Array.isArray(features) ? features[0] : undefined;
	const geometry: unknown =
		typeof feature === 'object' && feature !== null && 'geometry' in feature ? feature.geometry : undefined;
	if (typeof geometry !== 'object' || geometry === null || !('type' in geometry) || !('coordinates' in geometry))
		throw new Error('outline: expected a feature with a geometry');
	const coords: unknown = geometry.coordinates;
	if (geometry.type !== 'MultiPolygon' || !Array.isArray(coords)) throw new Error('outline: expected a MultiPolygon');
	return coords.map((poly: unknown) => {
		if (!Array.isArray(poly) || !poly.every(isPositionArray)) throw new Error('outline: malformed polygon');
		return poly;
	});
}

/** Convert the GCJ-02 outline to WGS84, round, and fix the winding for RFC 7946. */
export function outlineFromGcj02(polygons: Position[][][]): MultiPolygon {
	const converted: MultiPolygon = {
		type: 'MultiPolygon',
		coordinates: polygons.map((rings) => rings.map((ring) => roundRing(ring.map((p) => gcj02ToWgs84([p[0], p[1]])))))
	};
	// DataV rings are clockwise; RFC 7946 wants outer rings counter-clockwise.
	rewind(converted, { mutate: true });
	return converted;
}

/** Parse the NBS CSV (code,"name",areaCode,…); names are quoted and contain no commas. */
export function parseSubdistricts(text: string): SubdistrictRow[] {
	const [header, ...lines] = text.trim().split(/\r?\n/);
	if (!header.startsWith('code,name')) throw new Error('subdistricts: unexpected header');
	return lines.map((line) => {
		const [code, quotedName] = line.split(',');
		return { code, name: quotedName.replace(/^"|"$/g, '') };
	});
}

export function loadReference(dir: URL = REFERENCE_DIR): ReferenceData {
	const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
	return {
		outline: outlineFromGcj02(parseOutline(read('zhangdian-370303.gcj02.geojson'))),
		subdistricts: parseSubdistricts(read('subdistricts-nbs2023.csv'))
	};
}
