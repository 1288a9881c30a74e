import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Atlas, BuildingProps, CommunityProps } from '$lib/domain/types';
import { createStyleSync, type StyleTarget } from '../context/style-sync';
import { yearColors } from '../palette';
import { DEFAULT_VIEW, type Settings, type View } from '../view';
import { clickableOf, FAMILIES, layersOf, sourcesOf, viewSourcesOf } from './registry';
import type { LayerInput } from './types';

const square = (x: number, y: number, d: number): Polygon['coordinates'] => [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]];

function community(code: string, stage: CommunityProps['stage']): CommunityProps {
	return {
		id: `id-${code}`, code, name: code, subdistrictCode: '370303006', subdistrictName: '体育场街道', builtYear: 1995, landTenure: 'state_owned',
		meetsHardCriteria: true, batchYear: 2021, households: 100, residents: 300, floorAreaM2: 9000, buildingCount: 1,
		labelPoint: [118.0005, 36.8005], propertyManagement: 'none', stage, statusAsOf: '2025-01-01', milestones: [], late: false, delayDays: null, progressPct: null, progressWeighting: null, isDemo: true
	};
}

function atlasWith(stage: CommunityProps['stage']): Atlas {
	const communities: FeatureCollection<MultiPolygon, CommunityProps> = {
		type: 'FeatureCollection',
		features: [{ type: 'Feature', properties: community('ZD-2021-01', stage), geometry: { type: 'MultiPolygon', coordinates: [square(118, 36.8, 0.001)] } }]
	};
	const buildings: FeatureCollection<Polygon, BuildingProps> = { type: 'FeatureCollection', features: [] };
	return {
		district: { code: '370303', name: '张店区', outline: { type: 'Feature', properties: { name: '张店区' }, geometry: { type: 'MultiPolygon', coordinates: [square(117.9, 36.7, 0.3)] } } },
		subdistricts: [],
		subdistrictLabels: { type: 'FeatureCollection', features: [] },
		communities,
		buildings,
		targets: [],
		batchProgress: [],
		asOf: null,
		recordBegan: null
	};
}

const settings = ({ center, zoom, pitch, bearing, ...rest }: View): Settings => rest;
const inputOf = (view: View, basemap = false): LayerInput => ({ view: settings(view), coloring: { yearColors: yearColors([2020, 2021, 2022]) }, basemap });

describe('the layer family registry', () => {
	it('builds a valid MapLibre style for every colouring, filter and selection', () => {
		const views: View[] = [
			DEFAULT_VIEW,
			{ ...DEFAULT_VIEW, colorBy: 'stage', threeD: true },
			{ ...DEFAULT_VIEW, years: [2021], stages: ['construction'], subdistrict: '370303002', selection: { kind: 'building', code: 'ZD-2021-01-01' } }
		];
		for (const view of views) {
			const style = { version: 8 as const, sources: sourcesOf(FAMILIES, atlasWith('tendering')), layers: layersOf(FAMILIES, inputOf(view)) };
			expect(validateStyleMin(style)).toEqual([]);
		}
	});

	it('names each community once, from its one label point, only where its dot is gone', () => {
		const layers = layersOf(FAMILIES, inputOf(DEFAULT_VIEW));
		const names = layers.filter((l) => l.type === 'symbol' && 'source' in l && l.source !== 'subdistrict-labels');
		expect(names.map((l) => [l.id, 'source' in l && l.source])).toEqual([['community-labels', 'community-points']]);
		const points = sourcesOf(FAMILIES, atlasWith('tendering'))['community-points'];
		expect(points.type === 'geojson' && typeof points.data === 'object' && 'features' in points.data && points.data.features).toHaveLength(1);
		const dot = layers.find((l) => l.id === 'communities-point');
		expect(names[0].minzoom).toBe(dot?.maxzoom);
	});

	it('draws the district below communities, communities below buildings, the selection above them and labels on top', () => {
		const ids = layersOf(FAMILIES, inputOf(DEFAULT_VIEW)).map((l) => l.id);
		const order = ['district-fill', 'communities-fill', 'buildings-fill', 'selected-community', 'community-labels'].map((id) => ids.indexOf(id));
		expect(order.every((at) => at >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('gives every layer a source some family defines, and each source one owner', () => {
		const atlas = atlasWith('tendering');
		const sources = sourcesOf(FAMILIES, atlas);
		for (const layer of layersOf(FAMILIES, inputOf(DEFAULT_VIEW))) if ('source' in layer) expect(Object.keys(sources)).toContain(layer.source);
		const owned = FAMILIES.flatMap((family) => Object.keys(family.sources?.(atlas) ?? {}));
		expect(owned.length).toBe(new Set(owned).size);
	});

	it('applies the same filter to every community and building layer', () => {
		const layers = layersOf(FAMILIES, inputOf({ ...DEFAULT_VIEW, years: [2022] }));
		const data = ['communities-fill', 'communities-line', 'communities-point', 'buildings-fill', 'buildings-line', 'community-labels'];
		const filters = layers.filter((l) => data.includes(l.id)).map((l) => JSON.stringify('filter' in l ? l.filter : null));
		expect(filters).toHaveLength(data.length);
		expect(new Set(filters).size).toBe(1);
		expect(filters[0]).toContain('2022');
	});

	it('lets an online basemap show through the district: its fill is opaque only offline', () => {
		const opacity = (basemap: boolean) => {
			const fill = layersOf(FAMILIES, inputOf(DEFAULT_VIEW, basemap)).find((l) => l.id === 'district-fill');
			return fill?.type === 'fill' ? fill.paint?.['fill-opacity'] : undefined;
		};
		expect(opacity(false)).toBe(1);
		expect(opacity(true)).toBeLessThan(0.2);
	});

	it('asks for the pipelines only while a network is shown, and draws only the networks shown, above the buildings', () => {
		const none = inputOf(DEFAULT_VIEW);
		expect(viewSourcesOf(FAMILIES, none)).toEqual({});
		expect(layersOf(FAMILIES, none).filter((l) => 'source' in l && l.source === 'pipes')).toEqual([]);
		const gas = inputOf({ ...DEFAULT_VIEW, pipes: ['gas', 'water'] });
		const sources = { ...sourcesOf(FAMILIES, atlasWith('tendering')), ...viewSourcesOf(FAMILIES, gas) };
		expect(sources.pipes).toMatchObject({ type: 'geojson', data: '/api/pipes' });
		const layers = layersOf(FAMILIES, gas);
		expect(validateStyleMin({ version: 8 as const, sources, layers })).toEqual([]);
		const pipeLayers = layers.filter((l) => 'source' in l && l.source === 'pipes');
		expect(pipeLayers.length).toBeGreaterThan(4);
		for (const layer of pipeLayers) {
			expect(layer.minzoom).toBeGreaterThanOrEqual(15);
			expect(JSON.stringify('filter' in layer && layer.filter)).toContain('["literal",["gas","water"]]');
		}
		const ids = layers.map((l) => l.id);
		expect(ids.indexOf('pipes-casing')).toBeGreaterThan(ids.indexOf('buildings-fill'));
		// The underground view draws them in deck.gl instead; the data stays for it to read.
		const underground = inputOf({ ...DEFAULT_VIEW, pipes: ['gas'], underground: true });
		expect(layersOf(FAMILIES, underground).filter((l) => l.id.startsWith('pipes-'))).toEqual([]);
		expect(Object.keys(viewSourcesOf(FAMILIES, underground))).toEqual(['pipes']);
	});

	it('selects on the topmost clickable layer first', () => {
		expect(clickableOf(FAMILIES)).toEqual([
			['communities-point', 'community'],
			['pipes-abandoned', 'pipe'],
			['pipes-renewed', 'pipe'],
			['pipes-to_renew', 'pipe'],
			['pipes-existing', 'pipe'],
			['buildings-fill', 'building'],
			['communities-fill', 'community']
		]);
	});

	it('re-sends only the sources derived from a community whose stage was saved, and no layer', () => {
		const calls: string[] = [];
		const added = new Set<string>();
		const map: StyleTarget = {
			getSource: (id) => (added.has(id) ? { type: 'geojson', setData: () => calls.push(`setData ${id}`) } : undefined),
			addSource: (id) => added.add(id),
			removeSource: (id) => calls.push(`removeSource ${id}`),
			getLayer: (id) => added.has(id) || undefined,
			addLayer: (spec) => added.add(spec.id),
			removeLayer: (id) => calls.push(`removeLayer ${id}`),
			setFilter: (id) => calls.push(`setFilter ${id}`),
			setPaintProperty: (id) => calls.push(`setPaintProperty ${id}`),
			setLayoutProperty: (id) => calls.push(`setLayoutProperty ${id}`),
			setLayerZoomRange: (id) => calls.push(`setLayerZoomRange ${id}`)
		};
		const sync = createStyleSync(map);
		const input = inputOf({ ...DEFAULT_VIEW, colorBy: 'stage' });
		const layers = layersOf(FAMILIES, input);
		sync({ sources: sourcesOf(FAMILIES, atlasWith('approval')), layers });
		// The page reloads its data after a save: every object is new, one community's stage differs.
		sync({ sources: sourcesOf(FAMILIES, atlasWith('tendering')), layers: layersOf(FAMILIES, input) });
		expect(calls.sort()).toEqual(['setData communities', 'setData community-points']);
	});
});
