import type { FeatureCollection } from 'geojson';
import type { FillLayerSpecification, FilterSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { createStyleSync, type AppStyle, type StyleTarget } from './style-sync';

/** A map that only records what it is asked, and holds what was added, as MapLibre would. */
function fakeMap() {
	const calls: string[] = [];
	const sources = new Map<string, SourceSpecification>();
	const layers: string[] = [];
	const map: StyleTarget = {
		getSource: (id) => {
			const spec = sources.get(id);
			return spec && { type: spec.type, setData: () => calls.push(`setData ${id}`) };
		},
		addSource: (id, spec) => (sources.set(id, spec), calls.push(`addSource ${id}`)),
		removeSource: (id) => (sources.delete(id), calls.push(`removeSource ${id}`)),
		getLayer: (id) => layers.includes(id) || undefined,
		addLayer: (spec, before) => {
			layers.splice(before ? layers.indexOf(before) : layers.length, 0, spec.id);
			calls.push(`addLayer ${spec.id}${before ? ` before ${before}` : ''}`);
		},
		removeLayer: (id) => (layers.splice(layers.indexOf(id), 1), calls.push(`removeLayer ${id}`)),
		setFilter: (id, filter?: FilterSpecification | null) => calls.push(`setFilter ${id} ${JSON.stringify(filter)}`),
		setPaintProperty: (id, name) => calls.push(`setPaintProperty ${id} ${name}`),
		setLayoutProperty: (id, name) => calls.push(`setLayoutProperty ${id} ${name}`),
		setLayerZoomRange: (id, min, max) => calls.push(`setLayerZoomRange ${id} ${min}-${max}`)
	};
	return { map, calls, layers, take: () => calls.splice(0) };
}

const collection = (...names: string[]): FeatureCollection => ({
	type: 'FeatureCollection',
	features: names.map((name, i) => ({ type: 'Feature', properties: { name }, geometry: { type: 'Point', coordinates: [118 + i / 100, 36.8] } }))
});
const geojson = (data: FeatureCollection): SourceSpecification => ({ type: 'geojson', data, promoteId: 'name' });
const fill = (id: string, source: string, color = '#e69f00'): FillLayerSpecification => ({ id, type: 'fill', source, paint: { 'fill-color': color } });

function style(communities: FeatureCollection, buildings: FeatureCollection, layers?: LayerSpecification[]): AppStyle {
	return {
		sources: { communities: geojson(communities), buildings: geojson(buildings) },
		layers: layers ?? [fill('communities-fill', 'communities'), fill('buildings-fill', 'buildings')]
	};
}

describe('syncing the app’s sources and layers onto the map', () => {
	it('adds every source, then every layer in draw order, once', () => {
		const { map, take, layers } = fakeMap();
		createStyleSync(map)(style(collection('a'), collection('b')));
		expect(take()).toEqual(['addSource communities', 'addSource buildings', 'addLayer communities-fill', 'addLayer buildings-fill']);
		expect(layers).toEqual(['communities-fill', 'buildings-fill']);
	});

	it('sends a changed feature collection with exactly one setData, and nothing for an unchanged one', () => {
		const { map, take } = fakeMap();
		const sync = createStyleSync(map);
		const buildings = collection('b1', 'b2');
		sync(style(collection('a'), buildings));
		take();
		sync(style(collection('a', 'new'), buildings));
		expect(take()).toEqual(['setData communities']);
	});

	it('sends nothing when reloaded data arrives in new objects with the same content', () => {
		const { map, take } = fakeMap();
		const sync = createStyleSync(map);
		sync(style(collection('a'), collection('b')));
		take();
		sync(style(collection('a'), collection('b')));
		sync(style(collection('a'), collection('b')));
		expect(take()).toEqual([]);
	});

	it('changes only the paint values and filters that differ', () => {
		const { map, take } = fakeMap();
		const sync = createStyleSync(map);
		const [communities, buildings] = [collection('a'), collection('b')];
		sync(style(communities, buildings));
		take();
		const filtered: FillLayerSpecification = { ...fill('buildings-fill', 'buildings'), filter: ['==', ['get', 'name'], 'b'] };
		sync(style(communities, buildings, [fill('communities-fill', 'communities', '#0072b2'), filtered]));
		expect(take()).toEqual(['setPaintProperty communities-fill fill-color', 'setFilter buildings-fill ["==",["get","name"],"b"]']);
	});

	it('adds a new layer below the layers above it, and removes a layer no longer listed', () => {
		const { map, take, layers } = fakeMap();
		const sync = createStyleSync(map);
		const [communities, buildings] = [collection('a'), collection('b')];
		sync(style(communities, buildings));
		take();
		sync(style(communities, buildings, [fill('communities-fill', 'communities'), fill('progress', 'communities'), fill('buildings-fill', 'buildings')]));
		expect(take()).toEqual(['addLayer progress before buildings-fill']);
		sync(style(communities, buildings, [fill('buildings-fill', 'buildings')]));
		expect(take()).toEqual(['removeLayer communities-fill', 'removeLayer progress']);
		expect(layers).toEqual(['buildings-fill']);
	});

	it('replaces a source whose options changed, taking its layers off first and putting them back', () => {
		const { map, take } = fakeMap();
		const sync = createStyleSync(map);
		const [communities, buildings] = [collection('a'), collection('b')];
		sync(style(communities, buildings));
		take();
		const next = style(communities, buildings);
		next.sources.buildings = { type: 'geojson', data: buildings, promoteId: 'code' };
		sync(next);
		expect(take()).toEqual(['removeLayer buildings-fill', 'removeSource buildings', 'addSource buildings', 'addLayer buildings-fill']);
	});

	it('leaves alone what the app did not add', () => {
		const { map, take, layers } = fakeMap();
		layers.push('background');
		const sync = createStyleSync(map);
		sync(style(collection('a'), collection('b')));
		sync({ sources: {}, layers: [] });
		expect(take().filter((c) => c.startsWith('remove'))).toEqual([
			'removeLayer communities-fill',
			'removeLayer buildings-fill',
			'removeSource communities',
			'removeSource buildings'
		]);
		expect(layers).toEqual(['background']);
	});
});
