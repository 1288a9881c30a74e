/** How much of a phone's screen the detail sheet takes: its heading only, half, or nearly all. */
export type SheetHeight = 'peek' | 'half' | 'full';

export const SHEET_HEIGHTS: readonly SheetHeight[] = ['peek', 'half', 'full'];

/** The height a vertical swipe of `dy` pixels (up is negative) leads to from `from`. */
export function swiped(from: SheetHeight, dy: number, threshold = 32): SheetHeight {
	const i = SHEET_HEIGHTS.indexOf(from);
	if (dy <= -threshold) return SHEET_HEIGHTS[Math.min(i + 1, SHEET_HEIGHTS.length - 1)];
	if (dy >= threshold) return SHEET_HEIGHTS[Math.max(i - 1, 0)];
	return from;
}
