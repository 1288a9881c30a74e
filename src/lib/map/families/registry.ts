import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Atlas } from '$lib/domain/types';
import { buildings } from './buildings';
import { buildings3d } from './buildings-3d';
import { communities } from './communities';
import { district } from './district';
import { facilities } from './facilities';
import { labels } from './labels';
import { late } from './late';
import { pipes } from './pipes';
import { pipes3d } from './pipes-3d';
import { selection } from './selection';
import { undergroundFirst } from './underground-first';
import type { LayerFamily, LayerInput, Picked } from './types';

/**
 * Every family the atlas map draws, bottom to top: this order is the draw order. A new
 * family (pipelines, facilities, drawing tools) is a module and one line here.
 */
export const FAMILIES: readonly LayerFamily[] = [district, communities, buildings, pipes, selection, late, undergroundFirst, facilities, labels, buildings3d, pipes3d];

/** Every family's sources; registry.test.ts checks that no two families name the same one. */
export function sourcesOf(families: readonly LayerFamily[], atlas: Atlas): Record<string, SourceSpecification> {
	return Object.assign({}, ...families.map((family) => family.sources?.(atlas)));
}

/** The sources the view asks for now (see LayerFamily.viewSources). */
export function viewSourcesOf(families: readonly LayerFamily[], input: LayerInput): Record<string, SourceSpecification> {
	return Object.assign({}, ...families.map((family) => family.viewSources?.(input)));
}

export function layersOf(families: readonly LayerFamily[], input: LayerInput): LayerSpecification[] {
	return families.flatMap((family) => family.layers?.(input) ?? []);
}

/** The layers a click selects on, topmost first, with what each selects. */
export function clickableOf(families: readonly LayerFamily[]): [string, Picked['kind']][] {
	return families.flatMap((family) => Object.entries(family.clickable ?? {})).reverse();
}
