import type { LayerFamily } from './types';

// deck.gl's extrusions: its code is fetched the first time 3D is switched on, so the 2D
// map never downloads it.
export const buildings3d = {
	id: 'buildings-3d',
	overlay: {
		// The underground view draws the buildings itself, in one scene with the pipes.
		active: ({ view }) => view.threeD && !view.underground,
		load: () => import('../deck-buildings').then((m) => m.addBuildingsOverlay),
		toggled(map, active) {
			if (active && map.getPitch() < 30) map.easeTo({ pitch: 50 });
			if (!active) map.easeTo({ pitch: 0 });
		}
	}
} satisfies LayerFamily;
