import { describe, expect, it } from 'vitest';
import { PIPELINE_TYPES, PIPE_STATES } from '$lib/domain/pipes';
import { ABANDONED_COLOR, hexToRgb, PIPE_COLORS, PIPE_STATE_STYLE, pipeColor } from './pipe-palette';

describe('pipeline palette (CJJ 61-2017 Appendix B)', () => {
	it('gives each network the standard colour', () => {
		const rgb = Object.fromEntries(PIPELINE_TYPES.map((t) => [t, hexToRgb(PIPE_COLORS[t])]));
		expect(rgb).toMatchObject({ water: [0, 255, 255], sewage: [76, 57, 38], gas: [255, 0, 255], heat: [255, 128, 0], power: [255, 0, 0], telecom: [0, 255, 0] });
	});

	it('keeps rain brown but apart from sewage, so the legend tells them apart', () => {
		const [r, g, b] = hexToRgb(PIPE_COLORS.rain);
		expect(r > g && g > b).toBe(true);
		expect(new Set(Object.values(PIPE_COLORS)).size).toBe(PIPELINE_TYPES.length);
	});

	it('greys abandoned lines and keeps the colour of every other state', () => {
		expect(pipeColor('gas', 'abandoned')).toBe(ABANDONED_COLOR);
		expect(['existing', 'to_renew', 'renewed'].map((s) => pipeColor('gas', s as 'existing'))).toEqual(Array(3).fill('#ff00ff'));
	});

	it('draws lines still to renew and abandoned ones dashed, renewed ones solid and wider', () => {
		expect(Object.keys(PIPE_STATE_STYLE).sort()).toEqual([...PIPE_STATES].sort());
		expect(PIPE_STATE_STYLE.to_renew.dash).not.toBeNull();
		expect(PIPE_STATE_STYLE.abandoned.dash).not.toEqual(PIPE_STATE_STYLE.to_renew.dash);
		expect(PIPE_STATE_STYLE.renewed.dash).toBeNull();
		expect(PIPE_STATE_STYLE.renewed.width).toBeGreaterThan(PIPE_STATE_STYLE.existing.width);
	});
});
