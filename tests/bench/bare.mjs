// The baseline for the app's map page: the same data drawn by plain MapLibre with nothing
// else, marking the same performance mark at its first idle with the data layers on.
import { Map } from '/maplibre/maplibre-gl.mjs';

/** @param {number[][][][]} multiPolygon @returns {[number, number, number, number]} */
function bounds(multiPolygon) {
	const points = multiPolygon.flat(2);
	const xs = points.map((p) => p[0]);
	const ys = points.map((p) => p[1]);
	return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

// Fetch while MapLibre starts, as a page that loads its data in parallel would.
const atlas = fetch('/api/atlas').then((r) => r.json());
const map = new Map({
	container: 'map',
	style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f3efe6' } }] },
	center: [118.05, 36.8],
	zoom: 10,
	attributionControl: false
});
Object.assign(window, { __map: map });

map.on('load', async () => {
	const data = await atlas;
	map.fitBounds(bounds(data.district.outline.geometry.coordinates), { padding: 20, animate: false });
	// The same data the app draws: outline, sub-district names, communities, buildings.
	map.addSource('district', { type: 'geojson', data: data.district.outline });
	map.addSource('subdistricts', { type: 'geojson', data: data.subdistrictLabels });
	map.addSource('communities', { type: 'geojson', data: data.communities });
	map.addSource('buildings', { type: 'geojson', data: data.buildings });
	map.addLayer({ id: 'district-line', type: 'line', source: 'district', paint: { 'line-color': '#7a6f5a', 'line-width': 2 } });
	map.addLayer({ id: 'communities-fill', type: 'fill', source: 'communities', paint: { 'fill-color': '#d95f02', 'fill-opacity': 0.6 } });
	map.addLayer({ id: 'buildings-fill', type: 'fill', source: 'buildings', minzoom: 12, paint: { 'fill-color': '#7570b3' } });
	map.addLayer({
		id: 'subdistrict-labels',
		type: 'symbol',
		source: 'subdistricts',
		layout: { 'text-field': ['get', 'name'], 'text-size': 15, 'text-font': ['sans-serif'] }
	});
	map.once('idle', () => performance.mark('atlas:map-idle'));
});
