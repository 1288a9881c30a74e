import type { Position } from 'geojson';
import type { PipeSegmentProps } from '$lib/domain/pipes';

/**
 * Pipes lie 0.7–3 m down while buildings stand 20 m up: at true scale the underground view
 * is a flat sheet. Depths are drawn three times deeper, and the view says so.
 */
export const DEPTH_EXAGGERATION = 3;

/** A line's positions for the underground view: z (minus the depth) stretched. */
export function undergroundPath(coordinates: Position[]): [number, number, number][] {
	return coordinates.map(([x, y, z = 0]) => [x, y, z * DEPTH_EXAGGERATION]);
}

/** A pipe's width in metres: its diameter, or a section's first dimension ('600×400' mm: 0.6 m). */
export function pipeWidthM({ diameter_mm, section }: Pick<PipeSegmentProps, 'diameter_mm' | 'section'>): number {
	if (diameter_mm !== null) return diameter_mm / 1000;
	const first = Number.parseFloat(section ?? '');
	return Number.isFinite(first) && first > 0 ? first / 1000 : 0.2;
}
