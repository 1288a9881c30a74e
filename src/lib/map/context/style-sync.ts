import type { AllLayoutProperties, AllPaintProperties } from '@maplibre/maplibre-gl-style-spec';
import type { FilterSpecification, GeoJSONSourceSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';

/** The sources and layers the app wants on the map, in draw order. */
export interface AppStyle {
	sources: Record<string, SourceSpecification>;
	layers: LayerSpecification[];
}

type GeoJSONData = GeoJSONSourceSpecification['data'];

/** The part of MapLibre's Map that syncing uses; a map passes for it, and so does a test double. */
export interface StyleTarget {
	getSource(id: string): { type: string; setData?: (data: GeoJSONData) => unknown } | undefined;
	addSource(id: string, spec: SourceSpecification): unknown;
	removeSource(id: string): unknown;
	getLayer(id: string): unknown;
	addLayer(spec: LayerSpecification, beforeId?: string): unknown;
	removeLayer(id: string): unknown;
	setFilter(id: string, filter?: FilterSpecification | null): unknown;
	setPaintProperty(id: string, name: string, value: unknown): unknown;
	setLayoutProperty(id: string, name: string, value: unknown): unknown;
	setLayerZoomRange(id: string, minzoom: number, maxzoom: number): unknown;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The names whose values differ between two property records. */
function changed<R extends object>(previous: R | undefined, next: R | undefined): (keyof R)[] {
	// Object.keys widens to string[]; the keys are those of the two records.
	const names = new Set([...Object.keys(previous ?? {}), ...Object.keys(next ?? {})] as (keyof R)[]);
	return [...names].filter((name) => !same(previous?.[name], next?.[name]));
}

const dataOf = (spec: SourceSpecification) => (spec.type === 'geojson' ? spec.data : undefined);
const withoutData = (spec: SourceSpecification) => (spec.type === 'geojson' ? { ...spec, data: undefined } : spec);
const sourceOf = (spec: LayerSpecification) => ('source' in spec ? spec.source : undefined);
const filterOf = (spec: LayerSpecification) => ('filter' in spec ? spec.filter : undefined);

/**
 * Keeps the map's app sources and layers equal to an AppStyle, changing only what differs:
 * new GeoJSON data goes through setData (MapLibre re-tiles that source alone), a changed
 * filter, paint or layout value through its setter; a source whose options changed, or a
 * layer whose type or source did, is removed and added again. Sources and layers the app did
 * not add (the background, a basemap) are left alone.
 */
export function createStyleSync(map: StyleTarget) {
	const sources = new Map<string, { spec: SourceSpecification; json?: string }>();
	const layers = new Map<string, LayerSpecification>();

	/** Whether `data` is what the source holds: the same object, or failing that the same JSON. */
	function holds(id: string, data: GeoJSONData | undefined): boolean {
		const applied = sources.get(id);
		if (!applied) return false;
		const before = dataOf(applied.spec);
		if (before === data) return true;
		applied.json ??= JSON.stringify(before);
		return applied.json === JSON.stringify(data);
	}

	return function sync(style: AppStyle) {
		const stale = new Set(
			[...sources].filter(([id, { spec }]) => !(id in style.sources) || !same(withoutData(spec), withoutData(style.sources[id]))).map(([id]) => id)
		);
		const wanted = new Map(style.layers.map((spec) => [spec.id, spec]));
		for (const [id, before] of layers) {
			const next = wanted.get(id);
			const source = sourceOf(before);
			if (!next || next.type !== before.type || sourceOf(next) !== source || (source !== undefined && stale.has(source))) {
				if (map.getLayer(id)) map.removeLayer(id);
				layers.delete(id);
			}
		}
		for (const id of stale) {
			if (map.getSource(id)) map.removeSource(id);
			sources.delete(id);
		}

		for (const [id, spec] of Object.entries(style.sources)) {
			if (!sources.has(id) || !map.getSource(id)) {
				map.addSource(id, spec);
				sources.set(id, { spec });
			} else if (spec.type === 'geojson' && !holds(id, spec.data)) {
				map.getSource(id)?.setData?.(spec.data);
				sources.set(id, { spec });
			} else {
				// Same content in a new object: remember the new one, so the next comparison is by identity.
				const applied = sources.get(id);
				if (applied) applied.spec = spec;
			}
		}

		style.layers.forEach((spec, i) => {
			const before = layers.get(spec.id);
			if (!before || !map.getLayer(spec.id)) {
				const next = style.layers.slice(i + 1).find((s) => layers.has(s.id) && map.getLayer(s.id));
				map.addLayer(spec, next?.id);
			} else {
				if (!same(filterOf(before), filterOf(spec))) map.setFilter(spec.id, filterOf(spec) ?? null);
				const prevPaint: AllPaintProperties | undefined = before.paint;
				const nextPaint: AllPaintProperties | undefined = spec.paint;
				for (const name of changed(prevPaint, nextPaint)) map.setPaintProperty(spec.id, name, nextPaint?.[name]);
				const prevLayout: AllLayoutProperties | undefined = before.layout;
				const nextLayout: AllLayoutProperties | undefined = spec.layout;
				for (const name of changed(prevLayout, nextLayout)) map.setLayoutProperty(spec.id, name, nextLayout?.[name]);
				if (before.minzoom !== spec.minzoom || before.maxzoom !== spec.maxzoom) map.setLayerZoomRange(spec.id, spec.minzoom ?? 0, spec.maxzoom ?? 24);
			}
			layers.set(spec.id, spec);
		});
	};
}
