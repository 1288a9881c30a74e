import { getContext, setContext, tick } from 'svelte';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LngLatBoundsLike, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { Atlas } from '$lib/domain/types';
import { boundsOf } from '../camera';
import { clickableOf, FAMILIES, layersOf, sourcesOf } from '../families/registry';
import type { LayerFamily, LayerInput, Overlay, Picked } from '../families/types';
import { paddingClearOf } from './padding';
import { createStyleSync, type AppStyle } from './style-sync';

/** Pixels kept between a framed feature and the map's edges or the panels over it. */
const FRAME_MARGIN = 48;

/**
 * The one owner of the atlas map. AtlasMap hands it the MapLibre map it creates; from then
 * on the page and the components ask this context to show data, pick, and move the camera,
 * and it keeps the map's sources, layers and overlays equal to what the layer families
 * derive from the current data and view.
 */
export class MapContext {
	readonly families: readonly LayerFamily[];
	#map: MapLibreMap | undefined;
	#loaded = false;
	#sync: ((style: AppStyle) => void) | undefined;
	#atlas: Atlas | undefined;
	#input: LayerInput | undefined;
	#style: AppStyle = { sources: {}, layers: [] };
	/** Overlays switched on, each loaded once its code has arrived. */
	#overlays = new Map<string, { instance?: Overlay }>();
	#panels = new Set<HTMLElement>();
	#resizes: ResizeObserver | undefined;
	/** What the camera last framed, kept until the user moves the map, to re-frame when a panel changes size. */
	#framing: { bounds: LngLatBoundsLike; padding: string } | null = null;

	constructor(families: readonly LayerFamily[] = FAMILIES) {
		this.families = families;
	}

	/** Takes charge of a freshly created map; returns what undoes it. */
	attach(map: MapLibreMap): () => void {
		this.#map = map;
		map.on('load', () => {
			this.#loaded = true;
			this.#sync = createStyleSync(map);
			this.#render();
		});
		map.on('movestart', (e) => {
			if (e.originalEvent) this.#framing = null; // the user took the camera
		});
		for (const [id] of clickableOf(this.families)) {
			map.on('mouseenter', id, () => (map.getCanvas().style.cursor = 'pointer'));
			map.on('mouseleave', id, () => (map.getCanvas().style.cursor = ''));
		}
		return () => {
			for (const { instance } of this.#overlays.values()) instance?.remove();
			this.#overlays.clear();
			this.#resizes?.disconnect();
			this.#map = undefined;
			this.#loaded = false;
			map.remove();
		};
	}

	/**
	 * Shows `atlas` as `input` says. Sources are derived again only for new data and layers
	 * only for a new input; the sync then changes only what differs on the map.
	 */
	show(atlas: Atlas, input: LayerInput): void {
		if (atlas !== this.#atlas) this.#style = { ...this.#style, sources: sourcesOf(this.families, atlas) };
		if (input !== this.#input) this.#style = { ...this.#style, layers: layersOf(this.families, input) };
		this.#atlas = atlas;
		this.#input = input;
		this.#render();
	}

	#render() {
		if (!this.#loaded) return;
		this.#sync?.(this.#style);
		this.#updateOverlays();
	}

	#updateOverlays() {
		const map = this.#map;
		const [atlas, input] = [this.#atlas, this.#input];
		if (!map || !atlas || !input) return;
		for (const { id, overlay: slot } of this.families) {
			if (!slot) continue;
			const state = this.#overlays.get(id);
			const active = slot.active(input);
			if (active && !state) {
				this.#overlays.set(id, {});
				slot.toggled?.(map, true);
				void slot.load().then((make) => {
					const current = this.#overlays.get(id);
					// Switched off (or on again, and already made) while the code was loading.
					if (!current || current.instance || this.#map !== map) return;
					current.instance = make(map);
					this.#updateOverlays();
				});
			} else if (active) {
				state?.instance?.update(atlas, input);
			} else if (state) {
				state.instance?.remove();
				this.#overlays.delete(id);
				slot.toggled?.(map, false);
			}
		}
	}

	/** What a click at a map event's point selects: overlays first, as they are drawn on top. */
	pick(e: MapMouseEvent): Picked | null {
		for (const { instance } of this.#overlays.values()) {
			const picked = instance?.pick?.(e.point.x, e.point.y);
			if (picked) return picked;
		}
		const clickable = new Map(clickableOf(this.families).filter(([id]) => e.target.getLayer(id)));
		const [hit] = e.target.queryRenderedFeatures(e.point, { layers: [...clickable.keys()] });
		const code = hit?.properties?.code;
		const kind = hit && clickable.get(hit.layer.id);
		return typeof code === 'string' && kind ? { kind, code } : null;
	}

	/**
	 * Frames a feature clear of the panels registered with `panel`. Waits a tick first, so a
	 * panel opened by the same change (selecting what is framed) is measured.
	 */
	async frame(target: Feature<Polygon | MultiPolygon>): Promise<void> {
		await tick();
		this.#framing = { bounds: boundsOf(target), padding: '' };
		this.#fit(800);
	}

	#fit(duration: number) {
		const map = this.#map;
		if (!map || !this.#framing) return;
		const panels = [...this.#panels].map((p) => p.getBoundingClientRect());
		const padding = paddingClearOf(map.getContainer().getBoundingClientRect(), panels, FRAME_MARGIN);
		const key = JSON.stringify(padding);
		if (key === this.#framing.padding) return;
		this.#framing.padding = key;
		map.fitBounds(this.#framing.bounds, { padding, maxZoom: 17, duration });
	}

	/**
	 * A Svelte attachment for a panel that floats over the map (`{@attach mapContext.panel}`):
	 * framing keeps features clear of it, and frames again if it changes size meanwhile
	 * (a panel whose content loads after it opens).
	 */
	readonly panel = (element: HTMLElement) => {
		this.#panels.add(element);
		this.#resizes ??= new ResizeObserver(() => this.#fit(300));
		this.#resizes.observe(element);
		return () => {
			this.#panels.delete(element);
			this.#resizes?.unobserve(element);
		};
	};
}

const KEY = Symbol('map-context');

export function setMapContext(context: MapContext): MapContext {
	return setContext(KEY, context);
}

export function getMapContext(): MapContext {
	const context = getContext<MapContext | undefined>(KEY);
	if (!context) throw new Error('getMapContext() needs a MapContext set by an enclosing page (setMapContext)');
	return context;
}
