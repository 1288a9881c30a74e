import type { PaddingOptions } from 'maplibre-gl';

/** A screen rectangle, as getBoundingClientRect gives it. */
export interface Rect {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

/** The free part of the map must keep at least this many pixels each way, or the panels are ignored. */
const MIN_FREE = 120;

/**
 * The padding that keeps a framed feature clear of panels floating over the map. A panel
 * narrower than half the map hugs the side it is nearer to and pads that side by its width;
 * a wider one (a sheet across a phone's map) pads the top or the bottom by its height.
 */
export function paddingClearOf(map: Rect, panels: Rect[], margin: number): PaddingOptions {
	const padding = { top: margin, right: margin, bottom: margin, left: margin };
	const width = map.right - map.left;
	const height = map.bottom - map.top;
	for (const panel of panels) {
		const overlaps = panel.left < map.right && panel.right > map.left && panel.top < map.bottom && panel.bottom > map.top;
		if (!overlaps) continue;
		if (panel.right - panel.left < width / 2) {
			if (panel.left - map.left <= map.right - panel.right) padding.left = Math.max(padding.left, panel.right - map.left + margin);
			else padding.right = Math.max(padding.right, map.right - panel.left + margin);
		} else if (panel.top - map.top > map.bottom - panel.bottom) {
			padding.bottom = Math.max(padding.bottom, map.bottom - panel.top + margin);
		} else {
			padding.top = Math.max(padding.top, panel.bottom - map.top + margin);
		}
	}
	const cramped = width - padding.left - padding.right < MIN_FREE || height - padding.top - padding.bottom < MIN_FREE;
	return cramped ? { top: margin, right: margin, bottom: margin, left: margin } : padding;
}
