import type { LayerFamily } from './types';

/** How far the underground view lets the camera tilt: past 90° it looks up from below the ground. */
export const UNDERGROUND_MAX_PITCH = 110;
const SURFACE_MAX_PITCH = 70;

// deck.gl's underground view (地下视图): its code is fetched the first time the view is
// opened, so neither the public map nor staff's 2D map download it.
export const pipes3d = {
	id: 'pipes-3d',
	overlay: {
		active: ({ view }) => view.underground && view.pipes.length > 0,
		load: () => import('../deck-pipes').then((m) => m.addUndergroundOverlay),
		toggled(map, active) {
			if (active) {
				// MapLibre 5+ accepts pitches up to 180 (experimental beyond 60, see setMaxPitch's docs).
				map.setMaxPitch(UNDERGROUND_MAX_PITCH);
				if (map.getPitch() < 55) map.easeTo({ pitch: 65, zoom: Math.max(map.getZoom(), 17) });
			} else {
				map.easeTo({ pitch: Math.min(map.getPitch(), 50) });
				map.once('moveend', () => map.setMaxPitch(SURFACE_MAX_PITCH));
			}
		}
	}
} satisfies LayerFamily;
