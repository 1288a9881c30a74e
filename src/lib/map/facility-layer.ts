/**
 * The facility layer (停车与配套设施): maki icons in round badges by state, parking lots and
 * sheds as outlined areas, a red ring round each planned facility the clearance check flags,
 * a popup with a facility's attributes and a legend. Loaded (with its icons) only at a
 * community's zoom or once a community is selected (families/facilities.ts), and it reads
 * facilities only for that community and, at community zoom, for the view — the district's
 * first load carries none of it.
 */
import { Popup, type ExpressionSpecification, type GeoJSONSource, type Map as MapLibreMap, type MapLayerMouseEvent } from 'maplibre-gl';
import { get } from 'svelte/store';
import { _ } from 'svelte-i18n';
import '$lib/i18n/facilities';
import { FACILITY_KINDS, FACILITY_STATES, MAX_BBOX_SIDE_DEG, type ClearanceConflict, type FacilityCollection } from '$lib/domain/facilities';
import { KIND_ICONS } from '$lib/domain/facility-display';
import type { Atlas } from '$lib/domain/types';
import { MAKI } from './facility-icons';
import { badgeSvg, CONFLICT_COLOR, imageName, STATE_STYLE } from './facility-style';
import { FACILITY_MINZOOM } from './families/facilities';
import type { LayerInput, Overlay } from './families/types';
import { addImages, svgImage } from './images';

export const FACILITIES_SOURCE = 'facilities';
export const FACILITY_LAYERS = ['facilities-fill', 'facilities-outline', 'facilities-outline-planned', 'facilities-conflict', 'facilities-icons'] as const;

type Box = [number, number, number, number];
const inside = (a: Box, b: Box) => a[0] >= b[0] && a[1] >= b[1] && a[2] <= b[2] && a[3] <= b[3];

export function addFacilityLayer(map: MapLibreMap): Overlay {
	const t = (key: string, values?: Record<string, string | number>) => get(_)(key, { values });
	const features = new Map<string, FacilityCollection['features'][number]>();
	const conflicts = new Map<string, ClearanceConflict>();
	const fetchedBoxes: Box[] = [];
	const fetchedCommunities = new Set<string>();
	let removed = false;
	let ready = false;

	const redraw = () => {
		const source = map.getSource<GeoJSONSource>(FACILITIES_SOURCE);
		source?.setData({
			type: 'FeatureCollection',
			features: [...features.values()].map((f) => ({
				...f,
				properties: { ...f.properties, icon: KIND_ICONS[f.properties.kind], conflict: conflicts.has(f.properties.id) }
			}))
		});
	};

	const load = async (query: string) => {
		const response = await fetch(`/api/facilities?${query}`);
		if (!response.ok || removed) return;
		for (const f of ((await response.json()) as FacilityCollection).features) features.set(f.properties.id, f);
		redraw();
	};

	// At community zoom, the view's facilities, in boxes a little larger than the view so a
	// small pan asks for nothing.
	const loadView = () => {
		if (map.getZoom() < FACILITY_MINZOOM - 0.5) return;
		const b = map.getBounds();
		const view: Box = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
		if (fetchedBoxes.some((box) => inside(view, box))) return;
		const half = Math.min(MAX_BBOX_SIDE_DEG / 2, Math.max(view[2] - view[0], view[3] - view[1]));
		const [x, y] = [(view[0] + view[2]) / 2, (view[1] + view[3]) / 2];
		const box: Box = [x - half, y - half, x + half, y + half];
		fetchedBoxes.push(box);
		void load(`bbox=${box.map((v) => v.toFixed(6)).join(',')}`);
	};

	const loadCommunity = async (id: string) => {
		if (fetchedCommunities.has(id)) return;
		fetchedCommunities.add(id);
		await load(`community=${id}`);
		// Staff only: the public gets a 401 and no rings.
		const response = await fetch(`/api/facilities/clearance?community=${id}`);
		if (!response.ok || removed) return;
		for (const c of (await response.json()) as ClearanceConflict[]) conflicts.set(c.facilityId, c);
		redraw();
	};

	const popup = (e: MapLayerMouseEvent) => {
		const p = e.features?.[0]?.properties;
		if (!p) return;
		const rows: [string, string][] = [
			[t('facilities.popup.state'), t(`facilities.state.${p.state}`)],
			[t('facilities.popup.capacity'), String(p.capacity)]
		];
		if (p.chargers != null && p.chargers !== 'null') rows.push([t('facilities.popup.chargers'), String(p.chargers)]);
		if (p.builtOn && p.builtOn !== 'null') rows.push([t('facilities.popup.builtOn'), String(p.builtOn)]);
		const el = document.createElement('div');
		el.className = 'facility-popup';
		el.dataset.facility = String(p.id);
		const title = document.createElement('strong');
		title.textContent = p.name && p.name !== 'null' ? `${t(`facilities.kind.${p.kind}`)} · ${p.name}` : t(`facilities.kind.${p.kind}`);
		el.append(title);
		for (const [k, v] of rows) {
			const line = document.createElement('div');
			line.textContent = `${k}：${v}`;
			el.append(line);
		}
		new Popup({ closeButton: true, maxWidth: '16rem' }).setLngLat(e.lngLat).setDOMContent(el).addTo(map);
	};

	const legend = legendControl(t);
	map.addControl(legend, 'bottom-right');

	const images = Object.fromEntries(
		FACILITY_KINDS.flatMap((kind) =>
			FACILITY_STATES.map((state) => [imageName(KIND_ICONS[kind], state), () => svgImage(badgeSvg(MAKI[KIND_ICONS[kind]], state))])
		)
	);
	void addImages(map, images, 24).then(() => {
		if (removed) return;
		map.addSource(FACILITIES_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
		const polygons: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
		const stateColor = (key: 'ring' | 'fill'): ExpressionSpecification => [
			'match',
			['get', 'state'],
			'existing',
			STATE_STYLE.existing[key],
			'built',
			STATE_STYLE.built[key],
			STATE_STYLE.planned[key]
		];
		const common = { source: FACILITIES_SOURCE, minzoom: FACILITY_MINZOOM };
		map.addLayer({ ...common, id: 'facilities-fill', type: 'fill', filter: polygons, paint: { 'fill-color': stateColor('ring'), 'fill-opacity': 0.18 } });
		map.addLayer({
			...common,
			id: 'facilities-outline',
			type: 'line',
			filter: ['all', polygons, ['!=', ['get', 'state'], 'planned']],
			paint: { 'line-color': stateColor('ring'), 'line-width': 1.5 }
		});
		map.addLayer({
			...common,
			id: 'facilities-outline-planned',
			type: 'line',
			filter: ['all', polygons, ['==', ['get', 'state'], 'planned']],
			paint: { 'line-color': STATE_STYLE.planned.ring, 'line-width': 1.8, 'line-dasharray': [2, 1.5] }
		});
		map.addLayer({
			...common,
			id: 'facilities-conflict',
			type: 'circle',
			filter: ['==', ['get', 'conflict'], true],
			paint: { 'circle-radius': 17, 'circle-opacity': 0, 'circle-stroke-color': CONFLICT_COLOR, 'circle-stroke-width': 3 }
		});
		map.addLayer({
			...common,
			id: 'facilities-icons',
			type: 'symbol',
			layout: {
				'icon-image': ['concat', 'facility-', ['get', 'icon'], '-', ['get', 'state']],
				'icon-allow-overlap': true,
				'icon-ignore-placement': true,
				'symbol-sort-key': ['match', ['get', 'state'], 'planned', 2, 'built', 1, 0]
			}
		});
		ready = true;
		redraw();
		loadView();
	});

	map.on('moveend', loadView);
	map.on('click', 'facilities-icons', popup);
	map.on('click', 'facilities-fill', popup);

	return {
		// A click on a facility opens its popup and must not clear the map's selection.
		pick(x: number, y: number) {
			const layers = ['facilities-icons', 'facilities-fill'].filter((id) => map.getLayer(id));
			return layers.length && map.queryRenderedFeatures([x, y], { layers }).length ? 'own' : null;
		},
		update(atlas: Atlas, input: LayerInput) {
			const selected = input.view.selection;
			const id =
				selected?.kind === 'community'
					? atlas.communities.features.find((c) => c.properties.code === selected.code)?.properties.id
					: selected?.kind === 'building'
						? atlas.buildings.features.find((b) => b.properties.code === selected.code)?.properties.communityId
						: undefined;
			if (id) void loadCommunity(id);
			if (ready) loadView();
		},
		remove() {
			removed = true;
			map.off('moveend', loadView);
			map.off('click', 'facilities-icons', popup);
			map.off('click', 'facilities-fill', popup);
			map.removeControl(legend);
			for (const id of [...FACILITY_LAYERS].reverse()) if (map.getLayer(id)) map.removeLayer(id);
			if (map.getSource(FACILITIES_SOURCE)) map.removeSource(FACILITIES_SOURCE);
		}
	};
}

/** The legend: each kind with its icon, and what the three badge styles mean. */
function legendControl(t: (key: string) => string) {
	let element: HTMLElement | undefined;
	return {
		onAdd() {
			element = document.createElement('details');
			element.className = 'maplibregl-ctrl maplibregl-ctrl-group facility-legend';
			element.dataset.testid = 'facility-legend';
			element.setAttribute('style', 'background:#fff;padding:4px 8px;font-size:12px;max-height:40vh;overflow:auto');
			const summary = document.createElement('summary');
			summary.textContent = t('facilities.legend');
			element.append(summary);
			const entry = (svg: string, label: string) => {
				const row = document.createElement('div');
				row.setAttribute('style', 'display:flex;align-items:center;gap:6px;margin:2px 0');
				const icon = document.createElement('img');
				icon.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
				icon.width = icon.height = 18;
				icon.alt = '';
				const text = document.createElement('span');
				text.textContent = label;
				row.append(icon, text);
				element?.append(row);
			};
			for (const state of FACILITY_STATES) entry(badgeSvg(MAKI['parking'], state), t(`facilities.state.${state}`));
			for (const kind of FACILITY_KINDS) entry(badgeSvg(MAKI[KIND_ICONS[kind]], 'existing'), t(`facilities.kind.${kind}`));
			return element;
		},
		onRemove() {
			element?.remove();
		}
	};
}
