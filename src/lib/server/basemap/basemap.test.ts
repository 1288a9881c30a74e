import { describe, expect, it } from 'vitest';
import { basemapStyle } from '$lib/map/basemap';
import { resolveBasemap } from '.';

const KEY = '0123456789abcdef0123456789abcdef';

describe('the configured basemap', () => {
	it('is none by default: the offline map draws only our data', () => {
		expect(resolveBasemap({})).toBeNull();
		expect(basemapStyle(null)).toEqual({ sources: {}, layers: [] });
	});

	it('stacks Tianditu’s labels over its streets as two layers, each with its eight mirrors, from one key', () => {
		const basemap = resolveBasemap({ BASEMAP: 'tianditu', TIANDITU_KEY: KEY });
		expect(basemap?.datum).toBe('wgs84');
		expect(basemap?.layers).toHaveLength(2);
		const [streets, labels] = basemap!.layers;
		expect(streets).toHaveLength(8);
		expect(streets.every((t) => t.includes('/vec_w/wmts?') && t.includes('LAYER=vec') && t.endsWith(`tk=${KEY}`))).toBe(true);
		expect(labels.every((t) => t.includes('/cva_w/wmts?') && t.includes('LAYER=cva'))).toBe(true);
		expect(new Set(streets.map((t) => new URL(t.replace(/\{\w\}/g, '0')).host)).size).toBe(8);
		const style = basemapStyle(basemap);
		// Two sources drawn bottom to top — not one source whose mirrors alternate streets and labels tile by tile.
		expect(style.layers.map((l) => l.id)).toEqual(['basemap-0', 'basemap-1']);
		expect(style.sources['basemap-0']).toMatchObject({ type: 'raster', tiles: streets });
		expect(style.sources['basemap-1']).toMatchObject({ type: 'raster', tiles: labels });
	});

	it('offers Tianditu imagery with its labels', () => {
		const basemap = resolveBasemap({ BASEMAP: 'tianditu-imagery', TIANDITU_KEY: KEY });
		expect(basemap?.layers.map((mirrors) => new URL(mirrors[0].replace(/\{\w\}/g, '0')).pathname)).toEqual(['/img_w/wmts', '/cia_w/wmts']);
	});

	it('says what to change when Tianditu has no key, a bad key, or the preset is unknown', () => {
		expect(() => resolveBasemap({ BASEMAP: 'tianditu' })).toThrow(/needs TIANDITU_KEY/);
		expect(() => resolveBasemap({ BASEMAP: 'tianditu', TIANDITU_KEY: 'not-a-key' })).toThrow(/32 hexadecimal/);
		expect(() => resolveBasemap({ BASEMAP: 'google' })).toThrow(/use one of tianditu, tianditu-imagery, amap/);
	});

	it('routes a GCJ-02 basemap’s tiles through the shifting loader, with the template encoded so only the outer z/x/y are filled', () => {
		const basemap = resolveBasemap({ BASEMAP: 'amap' });
		expect(basemap?.datum).toBe('gcj02');
		const tiles = (basemapStyle(basemap).sources['basemap-0'] as { tiles: string[] }).tiles;
		expect(tiles[0].startsWith('gcj02://{z}/{x}/{y}/https%3A%2F%2Fwebrd01.is.autonavi.com')).toBe(true);
		expect(tiles[0].slice('gcj02://{z}/{x}/{y}/'.length)).not.toMatch(/[{}]/);
	});

	it('takes any XYZ service with an optional labels layer and datum, and refuses templates that cannot work', () => {
		const basemap = resolveBasemap({
			PUBLIC_BASEMAP_TILES: 'https://a.example/{z}/{x}/{y}.png https://b.example/{z}/{x}/{y}.png',
			PUBLIC_BASEMAP_LABELS: 'https://a.example/labels/{z}/{x}/{y}.png',
			PUBLIC_BASEMAP_DATUM: 'gcj02',
			PUBLIC_BASEMAP_MAXZOOM: '17'
		});
		expect(basemap).toMatchObject({ layers: [['https://a.example/{z}/{x}/{y}.png', 'https://b.example/{z}/{x}/{y}.png'], ['https://a.example/labels/{z}/{x}/{y}.png']], datum: 'gcj02', maxzoom: 17 });
		expect(() => resolveBasemap({ PUBLIC_BASEMAP_TILES: 'https://a.example/tiles.png' })).toThrow(/\{z\}, \{x\} and \{y\}/);
		expect(() => resolveBasemap({ PUBLIC_BASEMAP_TILES: 'https://a.example/{z}/{x}/{y}', PUBLIC_BASEMAP_DATUM: 'bd09' })).toThrow(/wgs84 or gcj02/);
		expect(() => resolveBasemap({ PUBLIC_BASEMAP_TILES: 'https://a.example/{z}/{x}/{y}', PUBLIC_BASEMAP_MAXZOOM: 'x' })).toThrow(/whole zoom/);
	});
});
