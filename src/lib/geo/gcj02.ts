/**
 * GCJ-02 ("Mars coordinates"), the offset datum Chinese web maps (AutoNavi/Amap, Tencent,
 * DataV GeoAtlas) publish in, and WGS84 (what the database stores).
 *
 * The forward transform is the publicly documented closed-form approximation on the
 * Krasovsky 1940 ellipsoid; it has no closed-form inverse, so the inverse iterates on the
 * forward transform. Outside China's rough bounding box both directions are the identity,
 * as the web maps themselves do.
 */
import type { Geometry, Position } from 'geojson';

export type LngLat = [number, number];

/** Krasovsky 1940 semi-major axis (m) and first eccentricity squared. */
const A = 6378245.0;
const EE = 0.00669342162296594323;

/** Convergence threshold of the inverse, in degrees (≈ 1 cm). */
const INVERSE_TOLERANCE_DEG = 1e-7;
const INVERSE_MAX_ITERATIONS = 10;

/** The bounding box inside which the offset applies (the conventional one). */
export function isOutOfChina([lng, lat]: readonly [number, number]): boolean {
	return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
	let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
	r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
	r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
	r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
	return r;
}

function offsetLng(x: number, y: number): number {
	let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
	r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
	r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
	r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
	return r;
}

/** The GCJ-02 offset (degrees) at a WGS84 position inside China. */
function delta(lng: number, lat: number): LngLat {
	const radLat = (lat / 180) * Math.PI;
	const sinLat = Math.sin(radLat);
	const magic = 1 - EE * sinLat * sinLat;
	const sqrtMagic = Math.sqrt(magic);
	const dLat =
		(offsetLat(lng - 105, lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
	const dLng = (offsetLng(lng - 105, lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
	return [dLng, dLat];
}

/** WGS84 → GCJ-02 (closed form). */
export function wgs84ToGcj02(position: readonly [number, number]): LngLat {
	const [lng, lat] = position;
	if (isOutOfChina(position)) return [lng, lat];
	const [dLng, dLat] = delta(lng, lat);
	return [lng + dLng, lat + dLat];
}

/**
 * GCJ-02 → WGS84 by fixed-point iteration: start from the GCJ-02 position and correct by
 * the forward transform's residual until it is below ~1 cm. The offset varies slowly, so
 * two or three iterations usually suffice.
 */
export function gcj02ToWgs84(position: readonly [number, number]): LngLat {
	const [gLng, gLat] = position;
	if (isOutOfChina(position)) return [gLng, gLat];
	let lng = gLng;
	let lat = gLat;
	for (let i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
		const [fLng, fLat] = wgs84ToGcj02([lng, lat]);
		const eLng = fLng - gLng;
		const eLat = fLat - gLat;
		lng -= eLng;
		lat -= eLat;
		if (Math.abs(eLng) < INVERSE_TOLERANCE_DEG && Math.abs(eLat) < INVERSE_TOLERANCE_DEG) break;
	}
	return [lng, lat];
}

/** Apply a position transform to one GeoJSON position, keeping any altitude. */
function mapPosition(p: Position, f: (p: readonly [number, number]) => LngLat): Position {
	const [lng, lat] = f([p[0], p[1]]);
	return p.length > 2 ? [lng, lat, ...p.slice(2)] : [lng, lat];
}

/** Apply a position transform to every position of a geometry, returning a new geometry. */
export function mapGeometryPositions<G extends Geometry>(
	geometry: G,
	f: (p: readonly [number, number]) => LngLat
): G {
	// Each branch rebuilds the same geometry type, so the result has the input's type.
	const mapped: Geometry = mapAny(geometry, f);
	return mapped as G;
}

function mapAny(geometry: Geometry, f: (p: readonly [number, number]) => LngLat): Geometry {
	const m = (p: Position) => mapPosition(p, f);
	switch (geometry.type) {
		case 'Point':
			return { ...geometry, coordinates: m(geometry.coordinates) };
		case 'MultiPoint':
		case 'LineString':
			return { ...geometry, coordinates: geometry.coordinates.map(m) };
		case 'MultiLineString':
		case 'Polygon':
			return { ...geometry, coordinates: geometry.coordinates.map((ring) => ring.map(m)) };
		case 'MultiPolygon':
			return {
				...geometry,
				coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(m)))
			};
		case 'GeometryCollection':
			return { ...geometry, geometries: geometry.geometries.map((g) => mapAny(g, f)) };
	}
}

/** Convert a whole GeoJSON geometry from GCJ-02 to WGS84. */
export function geometryGcj02ToWgs84<G extends Geometry>(geometry: G): G {
	return mapGeometryPositions(geometry, gcj02ToWgs84);
}

/** Convert a whole GeoJSON geometry from WGS84 to GCJ-02 (for drawing over GCJ-02 basemaps). */
export function geometryWgs84ToGcj02<G extends Geometry>(geometry: G): G {
	return mapGeometryPositions(geometry, wgs84ToGcj02);
}
