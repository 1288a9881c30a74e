import type { LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import type { Atlas } from '$lib/domain/types';
import type { ColoringInput } from '../colorings';
import type { Selection, Settings } from '../view';

/** What layers are derived from: the view's settings and the colours fixed for the data. */
export interface LayerInput {
	view: Settings;
	coloring: ColoringInput;
	/** Whether an online basemap lies under the atlas (then nothing may cover it opaquely). */
	basemap: boolean;
}

export type Picked = NonNullable<Selection>;

/**
 * Something drawn by code of its own over or into the map (deck.gl's 3D buildings, drawing
 * tools), loaded only while the view asks for it.
 */
export interface Overlay {
	update(atlas: Atlas, input: LayerInput): void;
	/**
	 * What the overlay draws at a canvas point, if anything: it is above the map's layers.
	 * `'own'` when the overlay answers a click there itself (a popup): the map then selects
	 * what lies under it, and over nothing keeps what was selected.
	 */
	pick?(x: number, y: number): Picked | 'own' | null;
	remove(): void;
}

export interface OverlaySlot {
	/** Whether the overlay is wanted, for the view and the camera's zoom (asked again whenever a zoom ends). */
	active(input: LayerInput, zoom: number): boolean;
	/** A dynamic import, so the overlay's code is fetched on first use only. */
	load(): Promise<(map: MapLibreMap) => Overlay>;
	/** Runs at once when the slot turns on or off, before the code has loaded (camera moves). */
	toggled?(map: MapLibreMap, active: boolean): void;
}

/**
 * One kind of thing on the map. Sources derive from the data only, layers from the view
 * only, so panning or filtering never re-sends the data to MapLibre's worker, and a save
 * re-sends only the sources whose data changed.
 */
export interface LayerFamily {
	id: string;
	sources?(atlas: Atlas): Record<string, SourceSpecification>;
	/**
	 * Sources that exist only while the view asks for them, such as a URL MapLibre fetches
	 * (data not in the atlas, which some callers may not read): none, nothing is requested.
	 * Derived again on every change of the view; an unchanged one is left as it is.
	 */
	viewSources?(input: LayerInput): Record<string, SourceSpecification>;
	layers?(input: LayerInput): LayerSpecification[];
	/** Layers a click selects on, with what a hit on each selects. */
	clickable?: Record<string, Picked['kind']>;
	overlay?: OverlaySlot;
}
