import type { AllLayoutProperties, AllPaintProperties } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The names whose values differ between two property records. */
function changed<R extends object>(previous: R | undefined, next: R | undefined): (keyof R)[] {
	// Object.keys widens to string[]; the keys are those of the two records.
	const names = new Set([...Object.keys(previous ?? {}), ...Object.keys(next ?? {})] as (keyof R)[]);
	return [...names].filter((name) => !same(previous?.[name], next?.[name]));
}

/**
 * Keeps the map's layers equal to a list of specs: adds what is missing in list order and,
 * for layers already there, changes only the filter, paint and layout values that differ,
 * which MapLibre applies without re-parsing the sources.
 */
export function createLayerSync(map: MapLibreMap) {
	const applied = new Map<string, LayerSpecification>();
	return function sync(specs: LayerSpecification[]) {
		specs.forEach((spec, i) => {
			const before = applied.get(spec.id);
			if (!before || !map.getLayer(spec.id)) {
				const next = specs.slice(i + 1).find((s) => map.getLayer(s.id));
				map.addLayer(spec, next?.id);
			} else {
				const prevFilter = 'filter' in before ? before.filter : undefined;
				const nextFilter = 'filter' in spec ? spec.filter : undefined;
				if (!same(prevFilter, nextFilter)) map.setFilter(spec.id, nextFilter ?? null);
				const prevPaint: AllPaintProperties | undefined = before.paint;
				const nextPaint: AllPaintProperties | undefined = spec.paint;
				for (const name of changed(prevPaint, nextPaint)) map.setPaintProperty(spec.id, name, nextPaint?.[name]);
				const prevLayout: AllLayoutProperties | undefined = before.layout;
				const nextLayout: AllLayoutProperties | undefined = spec.layout;
				for (const name of changed(prevLayout, nextLayout)) map.setLayoutProperty(spec.id, name, nextLayout?.[name]);
				if (before.minzoom !== spec.minzoom || before.maxzoom !== spec.maxzoom) {
					map.setLayerZoomRange(spec.id, spec.minzoom ?? 0, spec.maxzoom ?? 24);
				}
			}
			applied.set(spec.id, spec);
		});
		for (const id of applied.keys()) {
			if (!specs.some((s) => s.id === id)) {
				if (map.getLayer(id)) map.removeLayer(id);
				applied.delete(id);
			}
		}
	};
}
