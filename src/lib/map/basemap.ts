import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';

/**
 * An online raster basemap, off by default: no tiles can be fetched offline, and the atlas
 * then draws the district from its own data. The server resolves it from its environment
 * (src/lib/server/basemap) and hands it to the page.
 *
 * A basemap is a stack of raster layers drawn bottom to top — Tianditu publishes its streets
 * (vec) and their labels (cva) as two services, meant to be stacked — each layer with its
 * tile servers, which are mirrors of that one layer.
 */
export interface Basemap {
	/** Bottom to top; each entry lists the mirrors of one layer's XYZ template. */
	layers: string[][];
	attribution: string;
	maxzoom: number;
	/**
	 * What the tiles are drawn in. Tianditu (CGCS2000) matches WGS84 within centimetres;
	 * AutoNavi/Amap and Tencent draw in GCJ-02, some 500 m off here, so their tiles are
	 * moved onto WGS84 as they load (gcj02-tiles.ts): our data and every coordinate a user
	 * draws stay WGS84, as stored.
	 */
	datum: 'wgs84' | 'gcj02';
}

/** The scheme that routes a GCJ-02 basemap's tiles through the shifting loader. */
export const GCJ02_PROTOCOL = 'gcj02';

/** A tile URL template the shifting loader receives with its own z/x/y (see gcj02-tiles.ts). */
function shifted(template: string): string {
	// Encoded, so MapLibre fills in only the outer {z}/{x}/{y}.
	return `${GCJ02_PROTOCOL}://{z}/{x}/{y}/${encodeURIComponent(template)}`;
}

/** The basemap as MapLibre sources and layers, below everything the atlas draws. */
export function basemapStyle(basemap: Basemap | null): { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } {
	const sources: Record<string, SourceSpecification> = {};
	const layers: LayerSpecification[] = [];
	basemap?.layers.forEach((mirrors, i) => {
		const id = `basemap-${i}`;
		sources[id] = {
			type: 'raster',
			tiles: basemap.datum === 'gcj02' ? mirrors.map(shifted) : mirrors,
			tileSize: 256,
			// Once, on the bottom layer: the attribution control lists each source's.
			...(i === 0 ? { attribution: basemap.attribution } : {}),
			maxzoom: basemap.maxzoom
		};
		layers.push({ id, type: 'raster', source: id });
	});
	return { sources, layers };
}
