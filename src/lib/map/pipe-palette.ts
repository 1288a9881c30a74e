import type { PipelineType, PipeState } from '$lib/domain/pipes';

/**
 * The colours of Chinese underground pipeline maps: CJJ 61-2017 城市地下管线探测技术规程,
 * Appendix B 管线的种类、代号、代码与颜色 (table as transcribed at
 * github.com/BdJmLtd/BdJmLtd.github.io, _pipeline/dict/pipeline-type-code-color.md):
 * 给水 天蓝 (0,255,255); 排水 褐 (76,57,38); 燃气 粉红 (255,0,255); 热力 橘黄 (255,128,0);
 * 电力 大红 (255,0,0); 通信 绿 (0,255,0).
 * The standard gives drainage one brown; rain and sewage are toggled apart here, so rain
 * takes a lighter brown of the same hue and sewage keeps the standard's.
 */
export const PIPE_COLORS: Readonly<Record<PipelineType, string>> = {
	water: '#00ffff',
	rain: '#9a6b3f',
	sewage: '#4c3926',
	gas: '#ff00ff',
	heat: '#ff8000',
	power: '#ff0000',
	telecom: '#00ff00'
};

/** An abandoned line is no network any more: grey whatever it carried. */
export const ABANDONED_COLOR = '#8a8a8a';

/** A state's line: solid or dashed, and how wide relative to an existing line. */
export const PIPE_STATE_STYLE: Readonly<Record<PipeState, { dash: number[] | null; width: number }>> = {
	existing: { dash: null, width: 1 },
	renewed: { dash: null, width: 1.6 },
	to_renew: { dash: [2, 1.5], width: 1.3 },
	abandoned: { dash: [0.6, 1.6], width: 0.8 }
};

export function pipeColor(type: PipelineType, state: PipeState): string {
	return state === 'abandoned' ? ABANDONED_COLOR : PIPE_COLORS[type];
}

export function hexToRgb(hex: string): [number, number, number] {
	const n = Number.parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
