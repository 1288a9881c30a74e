import { isStage, type Stage } from '$lib/domain/stages';
import { isColorBy, type ColorBy } from './colorings';

export type { ColorBy };
export type Selection = { kind: 'community' | 'building'; code: string } | null;

/** Everything that makes a view reproducible from a link. */
export interface View {
	center: [number, number] | null; // null: fit the district
	zoom: number | null;
	pitch: number;
	bearing: number;
	colorBy: ColorBy;
	threeD: boolean;
	years: number[]; // empty: all
	stages: Stage[]; // empty: all
	subdistrict: string | null;
	selection: Selection;
}

/** Where the map looks; it changes on every pan and zoom. */
export type Camera = Pick<View, 'center' | 'zoom' | 'pitch' | 'bearing'>;
/** What the map shows and how; changes here redraw layers, lists and totals. */
export type Settings = Omit<View, keyof Camera>;

export const DEFAULT_VIEW: View = {
	center: null,
	zoom: null,
	pitch: 0,
	bearing: 0,
	colorBy: 'year',
	threeD: false,
	years: [],
	stages: [],
	subdistrict: null,
	selection: null
};

/** A parsed view plus the parameters that were ignored because they made no sense. */
export interface ParsedView {
	view: View;
	ignored: string[];
}

const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
const round = (value: number, digits: number) => Number(value.toFixed(digits));

/**
 * Reads a view from URL parameters. A link may be old, hand-edited or truncated: each
 * parameter is checked on its own, a bad one falls back to its default and is reported,
 * and the rest of the link still applies.
 */
export function parseView(params: URLSearchParams): ParsedView {
	const view: View = { ...DEFAULT_VIEW, years: [], stages: [] };
	const ignored: string[] = [];

	const c = params.get('c');
	if (c !== null) {
		const [lng, lat] = c.split(',').map(num);
		if (c.split(',').length === 2 && lng >= -180 && lng <= 180 && lat >= -85 && lat <= 85) view.center = [lng, lat];
		else ignored.push('c');
	}
	const z = params.get('z');
	if (z !== null) {
		const zoom = num(z);
		if (zoom >= 0 && zoom <= 22) view.zoom = zoom;
		else ignored.push('z');
	}
	const p = params.get('p');
	if (p !== null) {
		const pitch = num(p);
		if (pitch >= 0 && pitch <= 85) view.pitch = pitch;
		else ignored.push('p');
	}
	const b = params.get('b');
	if (b !== null) {
		const bearing = num(b);
		if (bearing >= -180 && bearing <= 360) view.bearing = bearing;
		else ignored.push('b');
	}
	const by = params.get('by');
	if (by !== null) {
		if (isColorBy(by)) view.colorBy = by;
		else ignored.push('by');
	}
	const v = params.get('v');
	if (v !== null) {
		if (v === '3d' || v === '2d') view.threeD = v === '3d';
		else ignored.push('v');
	}
	const y = params.get('y');
	if (y) {
		const years = y.split(',').map(num);
		if (years.every((year) => Number.isInteger(year) && year >= 2000 && year <= 2100)) view.years = unique(years).sort();
		else ignored.push('y');
	}
	const s = params.get('s');
	if (s) {
		const stages = s.split(',');
		if (stages.every(isStage)) view.stages = unique(stages.filter(isStage));
		else ignored.push('s');
	}
	const sd = params.get('sd');
	if (sd) {
		if (/^[0-9]{9}$/.test(sd)) view.subdistrict = sd;
		else ignored.push('sd');
	}
	const sel = params.get('sel');
	if (sel) {
		const match = /^(community|building):([A-Za-z0-9_-]{1,64})$/.exec(sel);
		if (match) view.selection = { kind: match[1] as 'community' | 'building', code: match[2] };
		else ignored.push('sel');
	}
	return { view, ignored };
}

function unique<T>(values: T[]): T[] {
	return [...new Set(values)];
}

/** Writes a view as URL parameters, leaving out what equals the default so links stay short. */
export function serializeView(view: View): URLSearchParams {
	const params = new URLSearchParams();
	if (view.center) params.set('c', `${round(view.center[0], 5)},${round(view.center[1], 5)}`);
	if (view.zoom !== null) params.set('z', String(round(view.zoom, 2)));
	if (view.pitch) params.set('p', String(round(view.pitch, 1)));
	if (view.bearing) params.set('b', String(round(view.bearing, 1)));
	if (view.colorBy !== DEFAULT_VIEW.colorBy) params.set('by', view.colorBy);
	if (view.threeD) params.set('v', '3d');
	if (view.years.length) params.set('y', view.years.join(','));
	if (view.stages.length) params.set('s', view.stages.join(','));
	if (view.subdistrict) params.set('sd', view.subdistrict);
	if (view.selection) params.set('sel', `${view.selection.kind}:${view.selection.code}`);
	return params;
}
