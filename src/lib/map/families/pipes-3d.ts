import type { LayerFamily } from './types';

/**
 * How far the underground view lets the camera tilt: level with the ground, looking across at
 * the pipes beneath it. MapLibre 5+ accepts pitches up to 180, but without terrain it keeps
 * the camera above sea level (Camera._raiseCameraByPitchAndZoom in maplibre-gl 6), pulling
 * any pitch past 90° back to 90°, so more would only promise what the map takes back.
 */
export const UNDERGROUND_MAX_PITCH = 90;
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
				map.setMaxPitch(UNDERGROUND_MAX_PITCH);
				if (map.getPitch() < 55) map.easeTo({ pitch: 65, zoom: Math.max(map.getZoom(), 17) });
			} else {
				map.easeTo({ pitch: Math.min(map.getPitch(), 50) });
				map.once('moveend', () => map.setMaxPitch(SURFACE_MAX_PITCH));
			}
		}
	}
} satisfies LayerFamily;
