/** The map's tile query that part (f) of the bench times and tests/db/tile-query.test.ts plans. */

/** A map tile as [west, south, east, north] in degrees. */
export type Box = [number, number, number, number];

/** The slippy-map tile (zoom z) that contains a point, as the box it covers. */
export function tileBox(lng: number, lat: number, z: number): Box {
	const n = 2 ** z;
	const x = Math.floor(((lng + 180) / 360) * n);
	const rad = (lat * Math.PI) / 180;
	const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
	const lngOf = (tx: number) => (tx / n) * 360 - 180;
	const latOf = (ty: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI;
	return [lngOf(x), latOf(y + 1), lngOf(x + 1), latOf(y)];
}

/** A z16 tile in the old city, where the synthetic grid is as dense as anywhere. */
export const BOX = tileBox(118.05, 36.8, 16);

const SELECT = `select b.id, b.code, b.name, st_asgeojson(b.footprint, 7) as footprint, b.floors, b.elevator,
       c.batch_year, p.stage, c.subdistrict_code
from public.buildings b
join public.communities c on c.id = b.community_id
left join public.renovation_projects p on p.community_id = c.id`;

/**
 * The buildings of a tile with their community's batch and stage, as the map draws them.
 * The overlap on the bbox columns comes first: it is the part an index can answer before
 * the policies run (see migration 20261126090600).
 */
export const BOX_QUERY = `${SELECT}
where b.bbox_west <= $3 and b.bbox_east >= $1 and b.bbox_south <= $4 and b.bbox_north >= $2
  and st_intersects(b.footprint, st_makeenvelope($1, $2, $3, $4, 4326))`;

/** The same without the bbox columns: PostGIS's test alone, which RLS keeps from the index. */
export const PLAIN_BOX_QUERY = `${SELECT}
where st_intersects(b.footprint, st_makeenvelope($1, $2, $3, $4, 4326))`;
