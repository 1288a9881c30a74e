import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Page } from 'playwright-core';

/** The layer ids of the app's contract with these tests. */
export type DataLayer = 'communities-fill' | 'communities-line' | 'buildings-fill';

// Callbacks given to page.evaluate run in the browser and cannot see this module, so each
// reaches the map on its own through the `window.__map` the app exposes.

/** Opens the map page and waits for the app's first idle with its data layers drawn. */
export async function openAtlas(page: Page, query = ''): Promise<void> {
	await page.goto(`/${query}`);
	await page.waitForFunction(() => performance.getEntriesByName('atlas:map-idle').length > 0, undefined, {
		timeout: 45_000
	});
}

/** Resolves at the map's next 'idle': everything asked for so far has been drawn. */
export function mapIdle(page: Page): Promise<void> {
	return page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const map = (window as Window & { __map?: MapLibreMap }).__map;
				if (!map) return reject(new Error('window.__map is not set'));
				map.once('idle', () => resolve());
				map.triggerRepaint(); // 'idle' fires only after a frame, and a quiet map draws none
			})
	);
}

/**
 * The distinct features of `layer` drawn in the viewport, by their `id` property: one
 * polygon can be drawn as several pieces across tiles, so raw counts would overstate.
 */
export function renderedIds(page: Page, layer: DataLayer): Promise<string[]> {
	return page.evaluate((layerId) => {
		const map = (window as Window & { __map?: MapLibreMap }).__map;
		if (!map) throw new Error('window.__map is not set');
		if (!map.getLayer(layerId)) throw new Error(`layer ${layerId} is not on the map`);
		const ids = new Set<string>();
		for (const feature of map.queryRenderedFeatures({ layers: [layerId] })) {
			ids.add(String(feature.properties.id ?? feature.properties.code ?? feature.id));
		}
		return [...ids].sort();
	}, layer);
}

export interface ScreenPoint {
	x: number;
	y: number;
}

/**
 * The first of `candidates` ([lng, lat]) where a click would land on community `id` itself:
 * inside the canvas, not under a panel, and not on a building (a building click selects the
 * building). Page coordinates, ready for page.mouse.click.
 */
export function clickablePoint(page: Page, id: string, candidates: [number, number][]): Promise<ScreenPoint | null> {
	return page.evaluate(
		({ id, candidates }) => {
			const map = (window as Window & { __map?: MapLibreMap }).__map;
			if (!map) throw new Error('window.__map is not set');
			const canvas = map.getCanvas();
			const box = canvas.getBoundingClientRect();
			for (const lngLat of candidates) {
				const p = map.project(lngLat);
				if (p.x < 2 || p.y < 2 || p.x > box.width - 2 || p.y > box.height - 2) continue;
				const at = { x: box.left + p.x, y: box.top + p.y };
				if (document.elementFromPoint(at.x, at.y) !== canvas) continue;
				const hits = map.queryRenderedFeatures([p.x, p.y], { layers: ['communities-fill', 'buildings-fill'] });
				const onCommunity = hits.some((f) => f.layer.id === 'communities-fill' && f.properties.id === id);
				const onBuilding = hits.some((f) => f.layer.id === 'buildings-fill');
				if (onCommunity && !onBuilding) return at;
			}
			return null;
		},
		{ id, candidates }
	);
}

/**
 * The properties of feature `id` as `layer` draws it now, or null where it is not drawn:
 * what the map's source holds, which a save must change without a reload.
 */
export function renderedProperties(page: Page, layer: DataLayer, id: string): Promise<Record<string, unknown> | null> {
	return page.evaluate(
		({ layer, id }) => {
			const map = (window as Window & { __map?: MapLibreMap }).__map;
			if (!map) throw new Error('window.__map is not set');
			const hit = map.queryRenderedFeatures({ layers: [layer] }).find((f) => f.properties.id === id);
			return hit ? { ...hit.properties } : null;
		},
		{ layer, id }
	);
}
