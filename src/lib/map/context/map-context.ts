import { getContext, setContext, tick } from 'svelte';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LngLatBoundsLike, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { Atlas } from '$lib/domain/types';
import { boundsOf } from '../camera';
import { clickableOf, FAMILIES, layersOf, sourcesOf, viewSourcesOf } from '../families/registry';
import type { LayerFamily, LayerInput, Picked } from '../families/types';
import type { Overlays } from './interaction';
import { createStyleSync, type AppStyle } from './style-sync';

/**
 * The one owner of the atlas map. AtlasMap hands it the MapLibre map it creates; from then
 * on the page and the components ask this context to show data, pick, and move the camera,
 * and it keeps the map's sources, layers and overlays equal to what the layer families
 * derive from the current data and view.
 */
export class MapContext {
	readonly families: readonly LayerFamily[];
	readonly #clickable: [string, Picked['kind']][];
	#map: MapLibreMap | undefined;
	#loaded = false;
	#sync: ((style: AppStyle) => void) | undefined;
	#atlas: Atlas | undefined;
	#input: LayerInput | undefined;
	#style: AppStyle = { sources: {}, layers: [] };
	#dataSources: AppStyle['sources'] = {};
	#viewSources: AppStyle['sources'] = {};
	#overlays: Overlays = new Map();
	#interaction: Promise<typeof import('./interaction')> | undefined;
	#panels = new Set<HTMLElement>();
	#resizes: ResizeObserver | undefined;
	/** What the camera last framed, kept until the user moves the map, to re-frame when a panel changes size. */
	#framing: { bounds: LngLatBoundsLike; padding: string } | null = null;

	/** While staff draw on the map, a click shapes the drawing and selects nothing. */
	drawing = false;

	constructor(families: readonly LayerFamily[] = FAMILIES) {
		this.families = families;
		this.#clickable = clickableOf(families);
	}

	/** Picking, framing and overlays: loaded on first use, see interaction.ts. */
	#interact() {
		return (this.#interaction ??= import('./interaction'));
	}

	/** Takes charge of a freshly created map; returns what undoes it. */
	attach(map: MapLibreMap): () => void {
		this.#map = map;
		map.on('load', () => {
			this.#loaded = true;
			this.#sync = createStyleSync(map);
			this.#render();
		});
		// Overlays may want a zoom (facilities at a community's scale): when the set wanted
		// changes with the zoom, render again; a zoom that changes nothing costs a comparison.
		map.on('zoomend', () => {
			if (this.#input && this.#wanted(this.#input) !== this.#wantedBefore) this.#render();
		});
		map.on('movestart', (e) => {
			if (e.originalEvent) this.#framing = null; // the user took the camera
		});
		for (const [id] of this.#clickable) {
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
	 * Shows `atlas` as `input` says. Sources are derived again only for new data, layers and
	 * the view's own sources only for a new input; the sync then changes only what differs.
	 */
	show(atlas: Atlas, input: LayerInput): void {
		if (atlas !== this.#atlas) this.#dataSources = sourcesOf(this.families, atlas);
		if (input !== this.#input) {
			this.#viewSources = viewSourcesOf(this.families, input);
			this.#style = { ...this.#style, layers: layersOf(this.families, input) };
		}
		if (atlas !== this.#atlas || input !== this.#input) this.#style = { ...this.#style, sources: { ...this.#dataSources, ...this.#viewSources } };
		this.#atlas = atlas;
		this.#input = input;
		this.#render();
	}

	/** The overlays the input and the zoom want now, as a key to compare. */
	#wanted(input: LayerInput): string {
		const zoom = this.#map?.getZoom() ?? 0;
		return this.families
			.filter((f) => f.overlay?.active(input, zoom))
			.map((f) => f.id)
			.join();
	}
	#wantedBefore = '';

	#render() {
		const [map, atlas, input] = [this.#map, this.#atlas, this.#input];
		if (!this.#loaded || !map || !atlas || !input) return;
		this.#sync?.(this.#style);
		this.#wantedBefore = this.#wanted(input);
		if (!this.#overlays.size && !this.#wantedBefore) return;
		void this.#interact().then(({ updateOverlays }) => {
			if (this.#map !== map) return;
			updateOverlays({
				map,
				families: this.families,
				overlays: this.#overlays,
				atlas: this.#atlas ?? atlas,
				input: this.#input ?? input,
				current: (m) => this.#map === m,
				rerun: () => this.#render()
			});
		});
	}

	/** The MapLibre map, for tools that work on it directly (the drawing tools). */
	get map(): MapLibreMap | undefined {
		return this.#map;
	}

	/** What a click at a map event's point selects; `'own'` when an overlay answers it (leave the selection). */
	async pick(e: MapMouseEvent): Promise<Picked | 'own' | null> {
		const { pickAt } = await this.#interact();
		return pickAt(this.#clickable, this.#overlays, e);
	}

	/**
	 * Frames a feature clear of the panels registered with `panel`. Waits a tick first, so a
	 * panel opened by the same change (selecting what is framed) is measured.
	 */
	async frame(target: Feature<Polygon | MultiPolygon>): Promise<void> {
		await tick();
		this.#framing = { bounds: boundsOf(target), padding: '' };
		await this.#fit(800);
	}

	async #fit(duration: number) {
		const { fitClearOf } = await this.#interact();
		const [map, framing] = [this.#map, this.#framing];
		if (map && framing) framing.padding = fitClearOf(map, framing.bounds, this.#panels, framing.padding, duration);
	}

	/**
	 * A Svelte attachment for a panel that floats over the map (`{@attach mapContext.panel}`):
	 * framing keeps features clear of it, and frames again if it changes size meanwhile
	 * (a panel whose content loads after it opens).
	 */
	readonly panel = (element: HTMLElement) => {
		this.#panels.add(element);
		this.#resizes ??= new ResizeObserver(() => void this.#fit(300));
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

/** The enclosing page's map context, if it has one (the detail panel's staff tools). */
export function findMapContext(): MapContext | undefined {
	return getContext<MapContext | undefined>(KEY);
}

export function getMapContext(): MapContext {
	const context = getContext<MapContext | undefined>(KEY);
	if (!context) throw new Error('getMapContext() needs a MapContext set by an enclosing page (setMapContext)');
	return context;
}
