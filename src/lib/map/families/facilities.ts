import type { LayerFamily } from './types';

/** Below this zoom the district is shown, not a community's yard: no facilities. */
export const FACILITY_MINZOOM = 15;

// Parking and facilities: the layer's code, its maki icons and its data are fetched once the
// map is zoomed near a community's scale, or a community (or a building) is selected, so the
// district's first load carries none of them. Not in a past view: facilities have no history.
export const facilities = {
	id: 'facilities',
	overlay: {
		active: ({ view }, zoom) => view.asOf === null && (view.selection !== null || zoom >= FACILITY_MINZOOM - 0.5),
		load: () => import('../facility-layer').then((m) => m.addFacilityLayer)
	}
} satisfies LayerFamily;
