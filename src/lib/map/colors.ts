import type { ExpressionSpecification } from 'maplibre-gl';
import { isStage, STAGES } from '$lib/domain/stages';
import { NO_VALUE_COLOR, STAGE_COLORS } from './palette';
import type { ColorBy } from './view';

function match(input: ExpressionSpecification, pairs: [string | number, string][], fallback: string): ExpressionSpecification | string {
	if (pairs.length === 0) return fallback;
	const [[label, output], ...rest] = pairs;
	return ['match', input, label, output, ...rest.flat(), fallback];
}

/** The fill colour of a community or building, as a MapLibre expression. */
export function colorExpression(colorBy: ColorBy, years: Map<number, string>): ExpressionSpecification | string {
	if (colorBy === 'stage') {
		return match(['coalesce', ['get', 'stage'], ''], STAGES.map((s) => [s, STAGE_COLORS[s]]), NO_VALUE_COLOR);
	}
	return match(['coalesce', ['get', 'batchYear'], 0], [...years], NO_VALUE_COLOR);
}

/** The same colour for code that draws outside MapLibre (the deck.gl 3D view). */
export function colorOf(colorBy: ColorBy, years: Map<number, string>, f: { batchYear: number | null; stage: string | null }): string {
	if (colorBy === 'stage') return isStage(f.stage) ? STAGE_COLORS[f.stage] : NO_VALUE_COLOR;
	return (f.batchYear !== null && years.get(f.batchYear)) || NO_VALUE_COLOR;
}

export function hexToRgb(hex: string): [number, number, number] {
	const n = Number.parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
