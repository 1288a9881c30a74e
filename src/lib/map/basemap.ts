import { env } from '$env/dynamic/public';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';

/**
 * An online raster basemap, off by default: no tiles can be fetched offline, and the atlas
 * draws the district from its own data. Set PUBLIC_BASEMAP_TILES to an XYZ template (for
 * example Tianditu, which is CGCS2000 and needs no datum shift) to turn it on.
 */
export interface Basemap {
	tiles: string[];
	attribution: string;
	maxzoom: number;
}

export function configuredBasemap(): Basemap | null {
	const tiles = env.PUBLIC_BASEMAP_TILES?.trim();
	if (!tiles) return null;
	return {
		tiles: tiles.split(/\s+/),
		attribution: env.PUBLIC_BASEMAP_ATTRIBUTION ?? '',
		maxzoom: Number(env.PUBLIC_BASEMAP_MAXZOOM ?? 18)
	};
}

export function basemapSource(basemap: Basemap): SourceSpecification {
	return { type: 'raster', tiles: basemap.tiles, tileSize: 256, attribution: basemap.attribution, maxzoom: basemap.maxzoom };
}

export const BASEMAP_LAYER: LayerSpecification = { id: 'basemap', type: 'raster', source: 'basemap' };
