import type { FacilityState } from '$lib/domain/facilities';

/**
 * How a facility's state reads on the map and in the legend: existing in plain grey, built
 * filled in green, planned in orange with a dashed ring, so nothing planned looks done.
 */
export const STATE_STYLE: Record<FacilityState, { ring: string; fill: string; glyph: string; dashed: boolean }> = {
	existing: { ring: '#5f6670', fill: '#ffffff', glyph: '#3b4048', dashed: false },
	built: { ring: '#1b6e34', fill: '#1b7f3b', glyph: '#ffffff', dashed: false },
	planned: { ring: '#c25e00', fill: '#fff7ec', glyph: '#c25e00', dashed: true }
};

/** The red of a clearance flag: the ring round a planned facility too close to a pipe. */
export const CONFLICT_COLOR = '#d0021b';

/** A map image's name for a maki icon in a state. */
export const imageName = (icon: string, state: FacilityState) => `facility-${icon}-${state}`;

/** A round badge: the maki glyph (15×15 viewBox) centred on a disc, dashed ring when planned. */
export function badgeSvg(glyph: string, state: FacilityState): string {
	const s = STATE_STYLE[state];
	const inner = glyph.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
	const dash = s.dashed ? ' stroke-dasharray="3 2"' : '';
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">` +
		`<circle cx="12" cy="12" r="10.5" fill="${s.fill}" stroke="${s.ring}" stroke-width="2"${dash}/>` +
		`<g transform="translate(4.5 4.5)" fill="${s.glyph}">${inner}</g></svg>`
	);
}
