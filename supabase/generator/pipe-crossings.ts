/**
 * Where two networks cross, GB 50289-2016 (table 4.1.14) wants a clear vertical distance
 * between the pipes, 0.15 m at the least. Drain mains keep their grade; a drain from a
 * building may only drop more steeply under what it crosses, then run straight on down to
 * its main. The pressure pipes and cables give way: each passes over or under what it
 * crosses, bending back to its own depth within SHOULDER_M either side. Lines give way in
 * turn, the building drains first, then large and rigid pipes before small ones (heat,
 * water, gas, then the cables; mains before service lines), each around the final shape of
 * all that went before it.
 */
import type { XY } from './frame';
import { DEPTH_RANGE_M, PIPE_SPECS, type PipelineType } from './pipe-specs';

/** One straight pipe in a compound's metric frame. */
export interface Run {
	type: PipelineType;
	role: 'main' | 'service';
	from: XY;
	to: XY;
	depths: readonly [number, number];
	/** Half the pipe's or duct bank's height, m. */
	radiusM: number;
	/** An abandoned line is left where it lies and nothing gives way to it. */
	abandoned: boolean;
}

/** A vertex added along a run: `at` metres from its start, at `depth`. */
export interface Bend {
	at: number;
	depth: number;
}

export const CLEARANCE_M = 0.15;
/** Depths are written to the centimetre: aim this much wider so the rounded ones still clear. */
const ROUNDING_M = 0.02;
/** How far either side of a crossing a pipe bends back to its own depth. */
const SHOULDER_M = 0.6;
/** No bend this close to a run's ends, which junctions, valves and services share. */
const END_GAP_M = 0.1;
/** The deepest a pipe dives to pass under another. */
export const MAX_BEND_DEPTH_M = 2.5;
/** GB 50028-2006: 0.9 m of earth over gas pipes under roads. */
const GAS_COVER_M = 0.9;

const GIVE_WAY_ORDER: readonly PipelineType[] = ['heat', 'water', 'gas', 'power', 'telecom'];

const lengthOf = (r: Run) => Math.hypot(r.to[0] - r.from[0], r.to[1] - r.from[1]);

/** Depth at `at` metres along a run with its bends. */
function depthAlong(run: Run, bends: readonly Bend[], at: number): number {
	const points = [{ at: 0, depth: run.depths[0] }, ...bends, { at: lengthOf(run), depth: run.depths[1] }];
	for (let k = 1; k < points.length; k++) {
		const [p, q] = [points[k - 1], points[k]];
		if (at <= q.at || k === points.length - 1) return q.at > p.at ? p.depth + ((at - p.at) / (q.at - p.at)) * (q.depth - p.depth) : p.depth;
	}
	return run.depths[1];
}

/** Metres along each run to where they cross in plan, or null. */
function crossing(u: Run, v: Run): [number, number] | null {
	const r: XY = [u.to[0] - u.from[0], u.to[1] - u.from[1]];
	const s: XY = [v.to[0] - v.from[0], v.to[1] - v.from[1]];
	const denominator = r[0] * s[1] - r[1] * s[0];
	if (Math.abs(denominator) < 1e-9) return null;
	const w: XY = [v.from[0] - u.from[0], v.from[1] - u.from[1]];
	const t = (w[0] * s[1] - w[1] * s[0]) / denominator;
	const q = (w[0] * r[1] - w[1] * r[0]) / denominator;
	if (t < 0 || t > 1 || q < 0 || q > 1) return null;
	return [t * lengthOf(u), q * lengthOf(v)];
}

interface Constraint {
	at: number;
	/** The other pipe's depth there, and the distance between axes it needs. */
	depth: number;
	apart: number;
}

/** The bends that take each run clear of those that keep their course; [] for most. */
export function clearCrossings(runs: readonly Run[]): Bend[][] {
	const bends: Bend[][] = runs.map(() => []);
	const drain = (r: Run) => PIPE_SPECS[r.type].gravity;
	const settled = runs.flatMap((r, i) => (drain(r) && r.role === 'main' && !r.abandoned ? [i] : []));
	const rank = (r: Run) => (drain(r) ? -1 : (r.role === 'main' ? 0 : GIVE_WAY_ORDER.length) + GIVE_WAY_ORDER.indexOf(r.type));
	const yielding = runs
		.map((r, i) => i)
		.filter((i) => !runs[i].abandoned && !settled.includes(i))
		.sort((i, j) => rank(runs[i]) - rank(runs[j]) || i - j);

	for (const i of yielding) {
		const run = runs[i];
		const length = lengthOf(run);
		const constraints: Constraint[] = [];
		for (const j of settled) {
			const other = runs[j];
			if (other.type === run.type) continue;
			const at = crossing(run, other);
			if (!at) continue;
			constraints.push({ at: at[0], depth: depthAlong(other, bends[j], at[1]), apart: run.radiusM + other.radiusM + CLEARANCE_M + ROUNDING_M });
		}
		constraints.sort((a, b) => a.at - b.at);
		// Up to the next centimetre, as depths are written.
		const lowest = Math.ceil(Math.max(DEPTH_RANGE_M[run.type][0], run.type === 'gas' ? GAS_COVER_M + run.radiusM : 0) * 100 - 1e-9) / 100;
		const own = (at: number) => depthAlong(run, [], at);

		// Crossings whose shoulders meet are passed in one stretch at one depth.
		const groups: Constraint[][] = [];
		for (const c of constraints) {
			const group = groups[groups.length - 1];
			if (group && c.at - group[group.length - 1].at < 2 * SHOULDER_M) group.push(c);
			else groups.push([c]);
		}
		for (const group of groups) {
			const first = group[0].at;
			const last = group[group.length - 1].at;
			if (first < END_GAP_M || last > length - END_GAP_M) continue;
			const base = own((first + last) / 2);
			const fits = (z: number) => (drain(run) ? z >= own(first) && z <= run.depths[1] : z >= lowest && z <= MAX_BEND_DEPTH_M);
			const clear = (z: number) => fits(z) && group.every((c) => Math.abs(z - c.depth) >= c.apart - 1e-9);
			if (group.every((c) => Math.abs(own(c.at) - c.depth) >= c.apart - 1e-9)) continue;
			const options = [base, ...group.flatMap((c) => [c.depth - c.apart, c.depth + c.apart])].filter(clear);
			if (options.length === 0) continue;
			const depth = options.reduce((best, z) => (Math.abs(z - base) < Math.abs(best - base) ? z : best));
			const before = Math.max(END_GAP_M, first - SHOULDER_M);
			const after = Math.min(length - END_GAP_M, last + SHOULDER_M);
			bends[i].push({ at: before, depth: own(before) }, { at: first, depth });
			if (last > first) bends[i].push({ at: last, depth });
			// A drain runs straight on down to its main from there.
			if (drain(run)) break;
			bends[i].push({ at: after, depth: own(after) });
		}
		settled.push(i);
	}
	return bends;
}
