import type { LngLatBoundsLike, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { Atlas } from '$lib/domain/types';
import type { LayerFamily, LayerInput, Overlay, Picked } from '../families/types';
import { paddingClearOf } from './padding';

// What the map does once it is up: picking what was clicked, framing features clear of the
// panels, and running overlays. MapContext imports this module on first need, after the map's
// first idle in the usual case, which keeps it out of the public page's first-load budget.

/** Overlays switched on, each with its instance once its code has arrived. */
export type Overlays = Map<string, { instance?: Overlay }>;

export interface OverlayHost {
	map: MapLibreMap;
	families: readonly LayerFamily[];
	overlays: Overlays;
	atlas: Atlas;
	input: LayerInput;
	/** Whether `map` is still the map shown (not removed while an overlay loaded). */
	current(map: MapLibreMap): boolean;
	/** Runs updateOverlays again with the latest data and input. */
	rerun(): void;
}

/** Turns overlays on and off as the input asks, and hands the active ones the data. */
export function updateOverlays({ map, families, overlays, atlas, input, current, rerun }: OverlayHost): void {
	for (const { id, overlay: slot } of families) {
		if (!slot) continue;
		const state = overlays.get(id);
		const active = slot.active(input, map.getZoom());
		if (active && !state) {
			overlays.set(id, {});
			slot.toggled?.(map, true);
			void slot.load().then((make) => {
				const now = overlays.get(id);
				// Switched off (or on again, and already made) while the code was loading.
				if (!now || now.instance || !current(map)) return;
				now.instance = make(map);
				rerun();
			});
		} else if (active) {
			state?.instance?.update(atlas, input);
		} else if (state) {
			state.instance?.remove();
			overlays.delete(id);
			slot.toggled?.(map, false);
		}
	}
}

/**
 * What a click selects: overlays first, as they are drawn on top, then the topmost of the
 * `clickable` layers. An overlay that answers the click itself (`'own'`, a facility's popup)
 * still lets the community under it be selected; over nothing, `'own'` keeps the selection.
 */
export function pickAt(clickable: [string, Picked['kind']][], overlays: Overlays, e: MapMouseEvent): Picked | 'own' | null {
	let own = false;
	for (const { instance } of overlays.values()) {
		const picked = instance?.pick?.(e.point.x, e.point.y);
		if (picked === 'own') own = true;
		else if (picked) return picked;
	}
	const layers = new Map(clickable.filter(([id]) => e.target.getLayer(id)));
	const [hit] = e.target.queryRenderedFeatures(e.point, { layers: [...layers.keys()] });
	// Atlas features carry a code; features with none (pipes) are named by their id.
	const code = hit?.properties?.code ?? hit?.properties?.id;
	const kind = hit && layers.get(hit.layer.id);
	if (typeof code === 'string' && kind) return { kind, code };
	// An overlay answered the click (a facility's popup) over no community: keep the selection.
	return own ? 'own' : null;
}

/**
 * Fits `bounds` clear of `panels`, unless the padding is `previous` (already fitted so).
 * Returns the padding used, to compare the next time.
 */
export function fitClearOf(map: MapLibreMap, bounds: LngLatBoundsLike, panels: Iterable<HTMLElement>, previous: string, duration: number): string {
	const rects = [...panels].map((p) => p.getBoundingClientRect());
	const padding = paddingClearOf(map.getContainer().getBoundingClientRect(), rects, 48);
	const key = JSON.stringify(padding);
	if (key !== previous) map.fitBounds(bounds, { padding, maxZoom: 17, duration });
	return key;
}
