import { COORDINATE_SYSTEM, Deck, OrbitView, type OrbitViewState } from '@deck.gl/core';
import { PolygonLayer } from '@deck.gl/layers';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { PipelineType, PipesCollection } from '$lib/domain/pipes';
import type { BuildingFeature } from '$lib/domain/types';
import { BELOW_MIN_ROTATION_X, BELOW_START_ROTATION_X, groundSquare, near, orbitZoom, toScene } from './below';
import { pipeLayers, splitPipes } from './deck-pipes';
import { BUILDINGS } from './families/buildings';
import { PIPES } from './families/pipes';

// The view from below (从地下看): MapLibre cannot put its camera under the ground, so this is
// a deck.gl Deck of its own with an orbit camera around the map's centre, allowed to swing
// beneath the ground plane. It draws what the map's underground view draws, from the data
// the map's sources already hold, and reports its tilt on the container (data-rotation-x).

export interface BelowView {
	close(): void;
}

const BUILDING_FILL: [number, number, number, number] = [148, 163, 184, 120];

/** Opens the scene in `container` around the map's current centre; null when the map holds no pipes yet. */
export async function openBelowView(container: HTMLDivElement, map: MapLibreMap, pipes: readonly PipelineType[]): Promise<BelowView | null> {
	const source = map.getSource<GeoJSONSource>(PIPES);
	const geojson = source ? await source.getData() : null;
	if (geojson?.type !== 'FeatureCollection' || !geojson.features.length) return null;
	const { lng, lat } = map.getCenter();
	const at = toScene([lng, lat]);
	const { segments, nodes } = splitPipes(geojson as PipesCollection);
	const scene = {
		segments: segments.filter((f) => near(f.geometry.coordinates.map(at))),
		nodes: nodes.filter((f) => near([at(f.geometry.coordinates)])),
		ground: groundSquare([lng, lat])
	};
	const buildingSource = map.getSource<GeoJSONSource>(BUILDINGS);
	const buildingData = buildingSource ? await buildingSource.getData() : null;
	const buildings = buildingData?.type === 'FeatureCollection' ? (buildingData.features as BuildingFeature[]).filter((b) => near(b.geometry.coordinates[0].map(at))) : [];

	const layers = [
		...pipeLayers(scene, { shown: (f) => pipes.includes(f.properties.type), selected: null, at, coordinateSystem: COORDINATE_SYSTEM.CARTESIAN }),
		new PolygonLayer<BuildingFeature>({
			id: 'below-buildings',
			data: buildings,
			coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
			extruded: true,
			getPolygon: (b) => b.geometry.coordinates.map((ring) => ring.map(at)),
			getElevation: (b) => b.properties.heightM,
			getFillColor: BUILDING_FILL,
			material: { ambient: 0.5, diffuse: 0.5, shininess: 8 }
		})
	];

	const report = (rotationX: number) => (container.dataset.rotationX = rotationX.toFixed(1));
	const initialViewState: OrbitViewState = {
		target: [0, 0, 0],
		rotationX: BELOW_START_ROTATION_X,
		// MapLibre's bearing turns the map clockwise; the orbit turns the other way.
		rotationOrbit: -map.getBearing(),
		zoom: orbitZoom(map.getZoom(), lat),
		minRotationX: BELOW_MIN_ROTATION_X,
		maxRotationX: 85,
		minZoom: -2,
		maxZoom: 6
	};
	report(BELOW_START_ROTATION_X);
	const deck = new Deck({
		parent: container,
		views: new OrbitView({ orbitAxis: 'Z', fovy: 50, near: 0.1, far: 1000 }),
		initialViewState,
		controller: true,
		layers,
		onViewStateChange: ({ viewState }) => {
			report((viewState as OrbitViewState).rotationX ?? 0);
			return viewState;
		}
	});
	return { close: () => deck.finalize() };
}
