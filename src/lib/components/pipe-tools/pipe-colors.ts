import type { PipelineType } from '$lib/domain/enums.gen';

/**
 * The colour of each network in the tools' highlights and the cross-section, after the
 * convention of Chinese underground pipeline maps (CJJ 61: water blue, drainage brown, gas
 * pink, heating orange, power red, telecom green). Kept in this one module so the pipeline
 * layer's own palette can replace it (swap the import here for the layer's).
 */
export const PIPE_COLORS: Record<PipelineType, string> = {
	water: '#0096e6',
	rain: '#a0522d',
	sewage: '#6b3a1e',
	gas: '#e0559a',
	heat: '#f08c00',
	power: '#e03131',
	telecom: '#2f9e44'
};
