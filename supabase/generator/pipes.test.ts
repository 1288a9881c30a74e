import { describe, expect, it } from 'vitest';
import { booleanIntersects, booleanPointInPolygon, buffer, distance, lineString, point, pointToLineDistance } from '@turf/turf';
import type { Position } from 'geojson';
import { stageIndex } from '../../src/lib/domain/stages';
import { LocalFrame, type XY } from './frame';
import { DEFAULT_SEED, generateSeedDataset } from './generate';
import { CLEARANCE_M, MAX_BEND_DEPTH_M } from './pipe-crossings';
import { DEPTH_RANGE_M, PIPE_SPECS, PIPELINE_TYPES } from './pipe-specs';
import { generatePipes, type SeedPipeSegment } from './pipes';
import { Rng } from './rng';

const data = generateSeedDataset();
/** generate.ts's frame: metres about the district's urban core. */
const frame = new LocalFrame([118.05, 36.8]);
const pipes = generatePipes(new Rng(DEFAULT_SEED).fork('pipes'), frame, data);
const { pipeSegments: segments, pipeNodes: nodes } = pipes;

const buildingsOf = (communityId: string) => data.buildings.filter((b) => b.communityId === communityId);
const segmentsOf = (communityId: string) => segments.filter((s) => s.communityId === communityId);
const projectOf = (communityId: string) => {
	const project = data.projects.find((p) => p.communityId === communityId);
	if (!project) throw new Error('no project');
	return project;
};
const actualOn = (communityId: string, stage: string) =>
	data.milestones.find((m) => m.projectId === projectOf(communityId).id && m.stage === stage)?.actualOn ?? null;
const xy = (p: Position): XY => frame.toXY([p[0], p[1]]);
const ends = (s: SeedPipeSegment) => [s.geom.coordinates[0], s.geom.coordinates[s.geom.coordinates.length - 1]];
const flat = (s: SeedPipeSegment) => lineString(s.geom.coordinates.map((p) => [p[0], p[1]]));

describe('demo pipelines', () => {
	it('give every community all seven networks, with a service line of each to every building', () => {
		for (const c of data.communities) {
			const own = segmentsOf(c.id);
			for (const type of PIPELINE_TYPES) {
				expect(own.some((s) => s.pipelineType === type && s.role === 'main')).toBe(true);
				expect(own.filter((s) => s.pipelineType === type && s.role === 'service')).toHaveLength(buildingsOf(c.id).length);
			}
		}
		expect([...segments, ...nodes].every((r) => r.isDemo)).toBe(true);
		for (const s of segments) expect(s.owner).toBe(PIPE_SPECS[s.pipelineType].owner);
	});

	it('give each segment a diameter or a duct section', () => {
		for (const s of segments) expect((s.diameterMm ?? 0) > 0 || (s.section ?? '').length > 0).toBe(true);
	});

	it('keep every pipe and node inside its community, or within a metre of its boundary', () => {
		for (const c of data.communities) {
			// The boundary is a rectangle, so a straight segment with both ends inside is inside.
			const area = buffer(c.boundary, 1, { units: 'meters' });
			if (!area) throw new Error('no buffer');
			for (const s of segmentsOf(c.id)) for (const p of s.geom.coordinates) expect(booleanPointInPolygon(point(p), area)).toBe(true);
			for (const n of nodes.filter((n) => n.communityId === c.id)) expect(booleanPointInPolygon(n.geom, area)).toBe(true);
		}
	});

	it('bring every network in from the street at one gate, where the drains are deepest', () => {
		for (const c of data.communities) {
			const edge = lineString(c.boundary.coordinates[0][0]);
			const gates: Position[] = [];
			for (const type of PIPELINE_TYPES) {
				const mains = segmentsOf(c.id).filter((s) => s.pipelineType === type && s.role === 'main' && s.state !== 'abandoned');
				const onEdge = mains.flatMap((s) => ends(s).filter((p) => pointToLineDistance(point(p), edge, { units: 'meters' }) < 0.05));
				expect(onEdge, `${c.code} ${type}`).toHaveLength(1);
				gates.push(onEdge[0]);
				if (PIPE_SPECS[type].gravity) expect(-onEdge[0][2]).toBe(Math.max(...mains.map((s) => s.depthEndM)));
			}
			for (const g of gates) expect(distance(point(g), point(gates[0]), { units: 'meters' })).toBeLessThan(15);
		}
	});

	it('lay mains in the roads, through no building', () => {
		for (const c of data.communities) {
			const footprints = buildingsOf(c.id).map((b) => b.footprint);
			for (const s of segmentsOf(c.id).filter((s) => s.role === 'main'))
				for (const f of footprints) expect(booleanIntersects(flat(s), f)).toBe(false);
		}
	});

	it('run one service line of each type from a main into each building, crossing no other building', () => {
		for (const c of data.communities) {
			const own = segmentsOf(c.id);
			const buildings = buildingsOf(c.id);
			for (const type of PIPELINE_TYPES) {
				const mains = own.filter((s) => s.pipelineType === type && s.role === 'main' && s.state !== 'abandoned');
				const services = own.filter((s) => s.pipelineType === type && s.role === 'service');
				for (const b of buildings) {
					const into = services.filter((s) => ends(s).some((p) => booleanPointInPolygon(point(p), b.footprint)));
					expect(into).toHaveLength(1);
					const [line] = into;
					const outside = ends(line).find((p) => !booleanPointInPolygon(point(p), b.footprint));
					if (!outside) throw new Error('a service line inside its building');
					// The other end lies on a main of the same type (to the centimetre of the rounding).
					const onMain = mains.some((m) => {
						const [a, z] = ends(m).map(xy);
						const o = xy(outside);
						const length = Math.hypot(z[0] - a[0], z[1] - a[1]);
						const t = ((o[0] - a[0]) * (z[0] - a[0]) + (o[1] - a[1]) * (z[1] - a[1])) / length ** 2;
						const off = Math.abs((o[0] - a[0]) * (z[1] - a[1]) - (o[1] - a[1]) * (z[0] - a[0])) / length;
						return t >= -1e-3 && t <= 1 + 1e-3 && off < 0.03;
					});
					expect(onMain, `${c.code} ${b.code} ${type}`).toBe(true);
					for (const other of buildings) if (other !== b) expect(booleanIntersects(flat(line), other.footprint)).toBe(false);
				}
			}
		}
	});

	it('lay each type at the depths Chinese practice uses, z being minus the depth', () => {
		for (const s of segments) {
			const [lo, hi] = DEPTH_RANGE_M[s.pipelineType];
			for (const d of [s.depthStartM, s.depthEndM]) expect(d).toBeGreaterThanOrEqual(lo), expect(d).toBeLessThanOrEqual(hi);
			const [a, z] = ends(s);
			expect(a[2]).toBe(-s.depthStartM);
			expect(z[2]).toBe(-s.depthEndM);
		}
		for (const n of nodes) {
			const [lo, hi] = DEPTH_RANGE_M[n.pipelineType];
			expect(n.depthM).toBeGreaterThanOrEqual(lo);
			expect(n.depthM).toBeLessThanOrEqual(hi);
			expect(n.geom.coordinates[2]).toBe(-n.depthM);
		}
	});

	it('keep 0.9 m of cover over gas mains under the roads (GB 50028)', () => {
		for (const s of segments.filter((s) => s.pipelineType === 'gas' && s.role === 'main')) {
			const radius = (s.diameterMm ?? 0) / 2000;
			expect(Math.min(s.depthStartM, s.depthEndM) - radius).toBeGreaterThanOrEqual(0.9 - 1e-9);
		}
	});

	it('let drainage fall: mains downhill from start to end, services at least 0.01 from the building down to the main, sewers below rain', () => {
		for (const s of segments.filter((s) => (s.pipelineType === 'rain' || s.pipelineType === 'sewage') && s.state !== 'abandoned')) {
			if (s.role === 'main') expect(s.depthEndM).toBeGreaterThanOrEqual(s.depthStartM);
			else {
				// At least 0.01 from the building down to the main, give or take the centimetre of rounding.
				const [a, z] = ends(s).map(xy);
				expect(s.depthEndM - s.depthStartM).toBeGreaterThanOrEqual(0.01 * Math.hypot(z[0] - a[0], z[1] - a[1]) - 0.01);
			}
		}
		for (const c of data.communities) {
			const deepest = (type: string) => Math.max(...segmentsOf(c.id).filter((s) => s.pipelineType === type).map((s) => s.depthEndM));
			expect(deepest('sewage')).toBeGreaterThan(deepest('rain'));
		}
	});

	it('keep 0.15 m clear wherever two networks cross (GB 50289)', () => {
		let crossings = 0;
		for (const c of data.communities) {
			const own = segmentsOf(c.id).filter((s) => s.state !== 'abandoned');
			for (let i = 0; i < own.length; i++)
				for (let j = i + 1; j < own.length; j++) {
					const [u, v] = [own[i], own[j]];
					if (u.pipelineType === v.pipelineType) continue;
					const at = crossing(u, v);
					if (!at) continue;
					crossings++;
					const clear = Math.abs(at.depths[1] - at.depths[0]) - radius(u) - radius(v);
					expect(clear, `${c.code} ${u.pipelineType} ${u.role} × ${v.pipelineType} ${v.role}`).toBeGreaterThanOrEqual(CLEARANCE_M - 0.01);
				}
		}
		expect(crossings).toBeGreaterThan(1000);
	});

	it('bend pipes that give way within their depths, drains only ever falling', () => {
		for (const s of segments) {
			const depths = s.geom.coordinates.map((p) => -p[2]);
			const [lo, hi] = DEPTH_RANGE_M[s.pipelineType];
			for (const d of depths) expect(d).toBeGreaterThanOrEqual(lo), expect(d).toBeLessThanOrEqual(Math.max(hi, MAX_BEND_DEPTH_M));
			if (s.pipelineType === 'gas' && s.role === 'main') for (const d of depths) expect(d - radius(s)).toBeGreaterThanOrEqual(0.9 - 1e-9);
			if (PIPE_SPECS[s.pipelineType].gravity)
				for (let k = 1; k < depths.length; k++) expect(depths[k]).toBeGreaterThanOrEqual(depths[k - 1]);
		}
		expect(segments.filter((s) => s.geom.coordinates.length > 2).length).toBeGreaterThan(100);
	});

	it('put a manhole at both ends of every drainage main segment, at most 40 m apart, and valves on water and gas', () => {
		const at = new Set(nodes.map((n) => `${n.pipelineType} ${n.kind} ${n.geom.coordinates[0]},${n.geom.coordinates[1]}`));
		for (const s of segments.filter((s) => (s.pipelineType === 'rain' || s.pipelineType === 'sewage') && s.role === 'main' && s.state !== 'abandoned')) {
			for (const p of ends(s)) expect(at.has(`${s.pipelineType} manhole ${p[0]},${p[1]}`)).toBe(true);
			const [a, z] = ends(s).map(xy);
			expect(Math.hypot(z[0] - a[0], z[1] - a[1])).toBeLessThanOrEqual(40);
		}
		for (const c of data.communities)
			for (const type of ['water', 'gas'])
				expect(nodes.some((n) => n.communityId === c.id && n.pipelineType === type && n.kind === 'valve')).toBe(true);
		expect(nodes.every((n) => (n.kind === 'manhole') === (n.pipelineType === 'rain' || n.pipelineType === 'sewage'))).toBe(true);
	});

	it('never lay two mains of one type along each other', () => {
		for (const c of data.communities)
			for (const type of PIPELINE_TYPES) {
				const lines = segmentsOf(c.id)
					.filter((s) => s.pipelineType === type && s.role === 'main')
					.map((s) => ends(s).map(xy));
				for (let i = 0; i < lines.length; i++)
					for (let j = i + 1; j < lines.length; j++) expect(overlapM(lines[i], lines[j]), `${c.code} ${type} ${i} ${j}`).toBeLessThan(0.05);
			}
	});
});

describe('pipeline states', () => {
	const planned = (communityId: string, code: string) => data.planItems.find((i) => i.communityId === communityId && i.catalogueCode === code);

	it('date a segment if and only if it is renewed, between the construction start and the acceptance', () => {
		for (const s of segments) {
			expect(s.renewedOn !== null).toBe(s.state === 'renewed');
			if (s.renewedOn === null) continue;
			const started = actualOn(s.communityId, 'construction');
			const ended = actualOn(s.communityId, 'acceptance') ?? data.dataDate;
			expect(started).not.toBeNull();
			expect(s.renewedOn >= (started ?? '')).toBe(true);
			expect(s.renewedOn <= ended).toBe(true);
		}
	});

	it('follow the plan: to renew before construction, renewed after it, the rest existing', () => {
		for (const c of data.communities) {
			const stage = stageIndex(projectOf(c.id).stage);
			for (const type of PIPELINE_TYPES) {
				const own = segmentsOf(c.id).filter((s) => s.pipelineType === type);
				const states = new Set(own.map((s) => s.state));
				const item = planned(c.id, PIPE_SPECS[type].planItem);
				if (!item) expect([...states]).toEqual(['existing']);
				else if (stage < stageIndex('construction')) expect([...states]).toEqual(['to_renew']);
				else if (stage >= stageIndex('acceptance')) expect(own.filter((s) => s.state !== 'abandoned').every((s) => s.state === 'renewed')).toBe(true);
				else if (item.status === 'planned') expect([...states]).toEqual(['to_renew']);
			}
		}
	});

	it('renew a network in part while its plan item is in progress, the ring first', () => {
		// On the data date every building site has finished its underground phase (plans.ts
		// works underground first), so the seed has no such item: make one.
		const site = data.communities.find((c) => projectOf(c.id).stage === 'construction');
		if (!site) throw new Error('no community under construction');
		const planItems = data.planItems.map((i) =>
			i.communityId === site.id && i.catalogueCode === 'water_supply' ? { ...i, status: 'in_progress' as const, percentComplete: 40 } : i
		);
		const partly = generatePipes(new Rng(DEFAULT_SEED).fork('pipes'), frame, { ...data, planItems });
		const water = partly.pipeSegments.filter((s) => s.communityId === site.id && s.pipelineType === 'water' && s.role === 'main');
		const renewed = water.filter((s) => s.state === 'renewed');
		expect(renewed.length).toBeGreaterThan(0);
		expect(water.some((s) => s.state === 'to_renew')).toBe(true);
		expect(water.some((s) => s.state === 'existing')).toBe(false);
		expect(renewed[0].diameterMm).toBe(PIPE_SPECS.water.renewed.ring.diameterMm);
		const others = (d: typeof pipes) => d.pipeSegments.filter((s) => s.communityId !== site.id);
		expect(others(partly)).toEqual(others(pipes));
	});

	it('leave replaced old lines abandoned only beside renewed ones, of the old materials', () => {
		const abandoned = segments.filter((s) => s.state === 'abandoned');
		expect(abandoned.length).toBeGreaterThan(0);
		for (const s of abandoned) {
			expect(s.role).toBe('main');
			expect(segmentsOf(s.communityId).some((r) => r.pipelineType === s.pipelineType && r.state === 'renewed')).toBe(true);
			const old = PIPE_SPECS[s.pipelineType].old;
			expect([old.ring.material, old.branch.material]).toContain(s.material);
		}
	});
});

describe('pipeline generation', () => {
	it('gives the same rows for the same seed', () => {
		expect(generatePipes(new Rng(DEFAULT_SEED).fork('pipes'), frame, data)).toEqual(pipes);
	});

	it('draws other ids and depths from another seed, on the same roads', () => {
		const other = generatePipes(new Rng(DEFAULT_SEED + 1).fork('pipes'), frame, data);
		expect(other.pipeSegments[0].id).not.toBe(segments[0].id);
		expect(other.pipeSegments.map((s) => s.depthStartM)).not.toEqual(segments.map((s) => s.depthStartM));
	});
});

/** How long (m) two straight segments run along each other: 0 unless collinear. */
function overlapM([a, b]: XY[], [c, d]: XY[]): number {
	const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
	const u: XY = [(b[0] - a[0]) / length, (b[1] - a[1]) / length];
	const offset = (p: XY) => Math.abs((p[0] - a[0]) * u[1] - (p[1] - a[1]) * u[0]);
	if (offset(c) > 0.02 || offset(d) > 0.02) return 0;
	const t = (p: XY) => (p[0] - a[0]) * u[0] + (p[1] - a[1]) * u[1];
	return Math.max(0, Math.min(length, Math.max(t(c), t(d))) - Math.max(0, Math.min(t(c), t(d))));
}

/** Where two straight segments cross in plan, and the depth of each there; null if they do not. */
function crossing(u: SeedPipeSegment, v: SeedPipeSegment): { depths: [number, number] } | null {
	const [a, b] = ends(u).map(xy);
	const [c, d] = ends(v).map(xy);
	const r: XY = [b[0] - a[0], b[1] - a[1]];
	const s: XY = [d[0] - c[0], d[1] - c[1]];
	const denominator = r[0] * s[1] - r[1] * s[0];
	if (Math.abs(denominator) < 1e-9) return null;
	const w: XY = [c[0] - a[0], c[1] - a[1]];
	const t = (w[0] * s[1] - w[1] * s[0]) / denominator;
	const q = (w[0] * r[1] - w[1] * r[0]) / denominator;
	if (t < 0 || t > 1 || q < 0 || q > 1) return null;
	return { depths: [depthAt(u, t), depthAt(v, q)] };
}

/** A segment's depth at fraction f of the way along it: linear between its vertices. */
function depthAt(segment: SeedPipeSegment, f: number): number {
	const points = segment.geom.coordinates.map((p) => ({ p: xy(p), depth: -p[2] }));
	const start = points[0].p;
	const total = Math.hypot(points[points.length - 1].p[0] - start[0], points[points.length - 1].p[1] - start[1]);
	const along = points.map(({ p }) => Math.hypot(p[0] - start[0], p[1] - start[1]) / total);
	for (let k = 1; k < points.length; k++)
		if (f <= along[k] || k === points.length - 1) {
			const span = along[k] - along[k - 1];
			return span > 0 ? points[k - 1].depth + ((f - along[k - 1]) / span) * (points[k].depth - points[k - 1].depth) : points[k].depth;
		}
	return points[points.length - 1].depth;
}

/** Half a pipe's or duct bank's height, m. */
const radius = (s: SeedPipeSegment) => (s.section ? Number(s.section.split('×')[1]) : (s.diameterMm ?? 0)) / 2000;
