/**
 * GeoJSON in and out of PostGIS. Read with 7 decimals (≈ 1 cm, the precision the seed
 * stores), so a shape read, left untouched and saved again is the same shape.
 */
export const fromGeoJson = (param: string) => `extensions.st_setsrid(extensions.st_geomfromgeojson(${param}::text), 4326)`;
export const toGeoJson = (column: string) => `extensions.st_asgeojson(${column}, 7)::json`;
