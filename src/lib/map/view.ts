import { isPast, parseAsOfDate } from '$lib/domain/as-of';
import { isPipelineType, PIPELINE_TYPES, type PipelineType } from '$lib/domain/pipes';
import { isStage, type Stage } from '$lib/domain/stages';
import { isColorBy, type ColorBy } from './colorings';

export type { ColorBy };
/** What is selected; a pipe (by its id) only by staff. */
export type Selection = { kind: 'community' | 'building' | 'pipe'; code: string } | null;

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
	/** The past date the district is shown as of (YYYY-MM-DD); null for now. */
	asOf: string | null;
	/** The pipeline networks shown (staff only), in legend order; empty: none. */
	pipes: PipelineType[];
	/** The underground 3D view (地下视图, staff only). */
	underground: boolean;
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
	selection: null,
	asOf: null,
	pipes: [],
	underground: false
};

/**
 * Parameters only staff may use: the public reads no pipeline data, so a link that asks for
 * pipelines opens for the public without them (and its page never asks the server for them).
 */
const STAFF_ONLY = new Set(['pl', 'ug']);

/** A parsed view plus the parameters that were ignored because they made no sense. */
export interface ParsedView {
	view: View;
	ignored: string[];
}

const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** A parameter's reader: the part of the view it gives, or undefined when its value makes no sense. */
type Reader = (raw: string) => Partial<View> | undefined;

const inRange =
	(key: 'zoom' | 'pitch' | 'bearing', min: number, max: number): Reader =>
	(raw) => {
		const value = num(raw);
		return value >= min && value <= max ? { [key]: value } : undefined;
	};

const unique = <T>(values: T[]): T[] => [...new Set(values)];

const READERS: Record<string, Reader> = {
	c: (raw) => {
		const [lng, lat, extra] = raw.split(',').map(num);
		return extra === undefined && lng >= -180 && lng <= 180 && lat >= -85 && lat <= 85 ? { center: [lng, lat] } : undefined;
	},
	z: inRange('zoom', 0, 22),
	p: inRange('pitch', 0, 85),
	b: inRange('bearing', -180, 360),
	by: (raw) => (isColorBy(raw) ? { colorBy: raw } : undefined),
	v: (raw) => (raw === '3d' || raw === '2d' ? { threeD: raw === '3d' } : undefined),
	y: (raw) => {
		const years = raw.split(',').map(num);
		return years.every((year) => Number.isInteger(year) && year >= 2000 && year <= 2100) ? { years: unique(years).sort() } : undefined;
	},
	s: (raw) => {
		const stages = raw.split(',');
		return stages.every(isStage) ? { stages: unique(stages) } : undefined;
	},
	sd: (raw) => (/^[0-9]{9}$/.test(raw) ? { subdistrict: raw } : undefined),
	sel: (raw) => {
		const match = /^(community|building|pipe):([A-Za-z0-9_-]{1,64})$/.exec(raw);
		return match ? { selection: { kind: match[1] as 'community' | 'building' | 'pipe', code: match[2] } } : undefined;
	},
	// 'all' keeps the usual link short; any other list must name known networks.
	pl: (raw) => {
		const types = raw === 'all' ? [...PIPELINE_TYPES] : raw.split(',');
		return types.every(isPipelineType) ? { pipes: PIPELINE_TYPES.filter((t) => types.includes(t)) } : undefined;
	},
	ug: (raw) => (raw === '1' ? { underground: true } : undefined),
	// Today or later is the present: the map as it stands, no notice.
	date: (raw) => {
		const date = parseAsOfDate(raw);
		return date === undefined ? undefined : { asOf: isPast(date) ? date : null };
	}
};

/**
 * Reads a view from URL parameters. A link may be old, hand-edited or truncated: each
 * parameter is checked on its own, a bad one falls back to its default and is reported,
 * and the rest of the link still applies. An empty parameter counts as absent.
 */
export function parseView(params: URLSearchParams, { staff = false }: { staff?: boolean } = {}): ParsedView {
	const view: View = { ...DEFAULT_VIEW, years: [], stages: [], pipes: [] };
	const ignored: string[] = [];
	for (const [name, read] of Object.entries(READERS)) {
		const raw = params.get(name);
		if (!raw) continue;
		if (!staff && STAFF_ONLY.has(name)) {
			ignored.push(name);
			continue;
		}
		const part = read(raw);
		if (part && !staff && part.selection?.kind === 'pipe') ignored.push(name);
		else if (part) Object.assign(view, part);
		else ignored.push(name);
	}
	return { view, ignored };
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
	if (view.asOf) params.set('date', view.asOf);
	if (view.pipes.length) params.set('pl', view.pipes.length === PIPELINE_TYPES.length ? 'all' : view.pipes.join(','));
	if (view.underground) params.set('ug', '1');
	return params;
}
