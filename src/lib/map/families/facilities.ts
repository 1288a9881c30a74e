import type { LayerFamily } from './types';

// Parking and facilities: the layer's code, its maki icons and its data are fetched once a
// community (or a building) is selected, so the district's first load carries none of them.
export const facilities = {
	id: 'facilities',
	overlay: {
		active: ({ view }) => view.selection !== null && view.asOf === null,
		load: () => import('../facility-layer').then((m) => m.addFacilityLayer)
	}
} satisfies LayerFamily;
