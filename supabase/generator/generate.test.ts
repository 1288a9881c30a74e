import { describe, expect, it } from 'vitest';
import { area, booleanIntersects, booleanPointInPolygon, booleanWithin } from '@turf/turf';
import type { MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { STAGES, stageIndex } from '../../src/lib/domain/stages';
import { LocalFrame } from './frame';
import { generateSeedDataset, type SeedBuilding } from './generate';
import { toWanM2 } from '../../src/lib/domain/totals';
import { BATCH_TARGETS, PROGRAMME_TARGET } from './targets';

const data = generateSeedDataset();
const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
const buildingsOf = (communityId: string) => data.buildings.filter((b) => b.communityId === communityId);

describe('totals', () => {
	it.each(BATCH_TARGETS)('match the $year targets exactly', (t) => {
		const communities = data.communities.filter((c) => c.batchYear === t.year);
		const buildings = communities.flatMap((c) => buildingsOf(c.id));
		expect(communities).toHaveLength(t.communities);
		expect(buildings).toHaveLength(t.buildings);
		expect(sum(buildings, (b) => b.floorAreaM2)).toBe(t.floorAreaM2);
		expect(toWanM2(sum(buildings, (b) => b.floorAreaM2))).toBe(t.floorAreaWanM2);
		expect(sum(buildings, (b) => b.households)).toBe(t.households);
	});

	it('match the programme total, 106.73 万m² when rounded', () => {
		expect(data.communities).toHaveLength(PROGRAMME_TARGET.communities);
		expect(data.buildings).toHaveLength(PROGRAMME_TARGET.buildings);
		expect(sum(data.buildings, (b) => b.households)).toBe(PROGRAMME_TARGET.households);
		expect(sum(data.communities, (c) => c.residents)).toBe(PROGRAMME_TARGET.residents);
		const floorArea = sum(data.buildings, (b) => b.floorAreaM2);
		expect(floorArea).toBe(1_067_280);
		expect(toWanM2(floorArea)).toBe(106.73);
	});

	it('give each community the exact sums of its buildings', () => {
		for (const c of data.communities) {
			const bs = buildingsOf(c.id);
			expect(bs.length).toBeGreaterThan(0);
			expect(c.households).toBe(sum(bs, (b) => b.households));
			expect(c.floorAreaM2).toBe(sum(bs, (b) => b.floorAreaM2));
		}
	});

	it('come with the four target rows of the plan', () => {
		expect(data.targets.map((t) => [t.periodStart, t.periodEnd, t.communities, t.buildings, t.floorAreaWanM2, t.households, t.residents])).toEqual([
			[2020, 2020, 5, 67, 24.66, 2718, null],
			[2021, 2021, 8, 97, 33.44, 3939, null],
			[2022, 2022, 9, 132, 48.64, 4768, null],
			[2020, 2022, 22, 296, 106.73, 11425, 35000]
		]);
	});
});

describe('places', () => {
	const outline = data.district.outline;
	const outlineEdges: MultiLineString = { type: 'MultiLineString', coordinates: outline.coordinates.flat() };

	it('has a counter-clockwise, closed district outline', () => {
		for (const polygon of outline.coordinates) {
			const ring = polygon[0];
			expect(ring[0]).toEqual(ring[ring.length - 1]);
			let s = 0;
			for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
			expect(s).toBeGreaterThan(0);
		}
	});

	it('puts every sub-district label inside the district', () => {
		expect(data.subdistricts).toHaveLength(13);
		for (const s of data.subdistricts) expect(booleanPointInPolygon(s.labelPoint, outline)).toBe(true);
	});

	it('puts every community inside the district, in an urban street', () => {
		const streets = new Set(data.subdistricts.filter((s) => s.kind === 'street').map((s) => s.code));
		for (const c of data.communities) {
			expect(streets.has(c.subdistrictCode)).toBe(true);
			expect(booleanWithin(c.boundary, outline)).toBe(true);
			expect(booleanIntersects(c.boundary, outlineEdges)).toBe(false);
		}
	});

	it('keeps communities apart', () => {
		const cs = data.communities;
		for (let i = 0; i < cs.length; i++)
			for (let j = i + 1; j < cs.length; j++) expect(booleanIntersects(cs[i].boundary, cs[j].boundary)).toBe(false);
		expect(minGapM(cs.map((c) => c.boundary))).toBeGreaterThanOrEqual(30);
	});

	it('puts every building inside its community', () => {
		for (const c of data.communities)
			for (const b of buildingsOf(c.id)) expect(booleanWithin(b.footprint, c.boundary)).toBe(true);
	});

	it('keeps buildings of a community at least 8 m apart', () => {
		for (const c of data.communities) {
			const bs = buildingsOf(c.id);
			for (let i = 0; i < bs.length; i++)
				for (let j = i + 1; j < bs.length; j++) expect(booleanIntersects(bs[i].footprint, bs[j].footprint)).toBe(false);
			expect(minGapM(bs.map((b) => b.footprint))).toBeGreaterThanOrEqual(8);
		}
	});

	it('sizes compounds 120–450 m a side', () => {
		for (const c of data.communities) {
			const [a, b, d] = c.boundary.coordinates[0][0];
			for (const side of [lengthM(a, b), lengthM(b, d)]) {
				expect(side).toBeGreaterThan(119);
				expect(side).toBeLessThan(451);
			}
		}
	});
});

describe('buildings', () => {
	it('are walk-up slabs whose footprint is floor area ÷ floors', () => {
		for (const b of data.buildings) {
			expect(b.floors).toBeGreaterThanOrEqual(4);
			expect(b.floors).toBeLessThanOrEqual(7);
			expect(b.heightM / b.floors).toBeGreaterThanOrEqual(2.85);
			expect(b.heightM / b.floors).toBeLessThanOrEqual(3.05);
			expect(b.units).toBe(Math.max(1, Math.ceil(b.households / (b.floors * 2))));
			expect(b.builtYear).toBeGreaterThanOrEqual(1978);
			expect(b.builtYear).toBeLessThanOrEqual(2004);
			expect(Math.abs(area(b.footprint) / (b.floorAreaM2 / b.floors) - 1)).toBeLessThan(0.01);
			const [p, q, r] = b.footprint.coordinates[0];
			const depth = Math.min(lengthM(p, q), lengthM(q, r));
			expect(depth).toBeGreaterThan(9.9);
			expect(depth).toBeLessThan(14.1);
		}
	});

	it('have lifts only where six or more floors allow a retrofit', () => {
		const withLift = data.buildings.filter((b) => b.elevator !== 'none');
		expect(withLift.length).toBeLessThan(data.buildings.length / 4);
		for (const b of withLift) expect(b.floors).toBeGreaterThanOrEqual(6);
	});

	it('are numbered and coded uniquely', () => {
		expect(new Set(data.buildings.map((b: SeedBuilding) => b.code)).size).toBe(data.buildings.length);
		expect(new Set(data.buildings.map((b) => b.id)).size).toBe(data.buildings.length);
	});
});

describe('communities', () => {
	it('meet the hard eligibility criteria and are marked as demo data', () => {
		for (const c of data.communities) {
			expect(c.builtYear).toBeLessThanOrEqual(2005);
			expect(c.builtYear).toBe(Math.min(...buildingsOf(c.id).map((b) => b.builtYear)));
			expect(c.landTenure).toBe('state_owned');
			expect(c.inCityOrCountySeat && !c.inRedevelopmentPlan && !c.mostlySelfBuilt).toBe(true);
			expect(c.residentsSupportPct).toBeGreaterThanOrEqual(80);
			expect(c.residentsSupportPct).toBeLessThanOrEqual(98);
			expect(c.isDemo && c.published).toBe(true);
			expect(c.code).toMatch(/^ZD-20(20|21|22)-\d{2}$/);
		}
		expect(new Set(data.communities.map((c) => c.name)).size).toBe(data.communities.length);
		expect(data.buildings.every((b) => b.isDemo)).toBe(true);
	});
});

describe('progress', () => {
	it('has one project per community with all six milestones', () => {
		expect(data.projects).toHaveLength(data.communities.length);
		expect(new Set(data.projects.map((p) => p.communityId)).size).toBe(data.communities.length);
		for (const p of data.projects) {
			expect(data.milestones.filter((m) => m.projectId === p.id).map((m) => m.stage)).toEqual([...STAGES]);
			expect(p.implementingBody).toMatch(/街道办事处$/);
		}
	});

	it('orders dates, keeps actual dates up to the data date, and matches the stage', () => {
		for (const p of data.projects) {
			const ms = data.milestones.filter((m) => m.projectId === p.id);
			const planned = ms.map((m) => m.plannedOn);
			expect([...planned].sort()).toEqual(planned);
			expect(new Set(planned).size).toBe(planned.length);
			const actual = ms.flatMap((m) => (m.actualOn ? [m.actualOn] : []));
			expect([...actual].sort()).toEqual(actual);
			expect(new Set(actual).size).toBe(actual.length);
			for (const a of actual) expect(a <= p.statusAsOf).toBe(true);
			// Reached stages have actual dates, later ones none.
			ms.forEach((m, i) => expect(m.actualOn !== null).toBe(i <= stageIndex(p.stage)));
			expect(p.statusAsOf).toBe('2023-06-30');
		}
	});

	it('prepares each batch in the autumn before, by the 31 October deadline', () => {
		for (const p of data.projects) {
			const community = data.communities.find((c) => c.id === p.communityId);
			const prep = data.milestones.find((m) => m.projectId === p.id && m.stage === 'preparation');
			expect(prep?.plannedOn.slice(0, 4)).toBe(String((community?.batchYear ?? 0) - 1));
			expect(prep && prep.plannedOn <= `${(community?.batchYear ?? 0) - 1}-10-31`).toBe(true);
		}
	});

	it('is plausible for each batch on 2023-06-30', () => {
		const stagesOf = (year: number) =>
			data.projects.filter((p) => data.communities.find((c) => c.id === p.communityId)?.batchYear === year).map((p) => stageIndex(p.stage));
		expect(Math.min(...stagesOf(2020))).toBeGreaterThanOrEqual(stageIndex('acceptance'));
		expect(Math.min(...stagesOf(2021))).toBeGreaterThanOrEqual(stageIndex('construction'));
		expect(Math.max(...stagesOf(2022))).toBeLessThanOrEqual(stageIndex('construction'));
	});
});

describe('determinism', () => {
	it('generates the same dataset twice', () => {
		expect(generateSeedDataset()).toEqual(data);
	});

	it('changes with the seed', () => {
		expect(generateSeedDataset({ seed: 1 }).communities[0].boundary).not.toEqual(data.communities[0].boundary);
	});
});

// Metric helpers, in a local frame around the district (accurate to ~0.1 % here).
const frame = new LocalFrame([118.05, 36.8]);

function lengthM(a: Position, b: Position): number {
	const [x1, y1] = frame.toXY([a[0], a[1]]);
	const [x2, y2] = frame.toXY([b[0], b[1]]);
	return Math.hypot(x2 - x1, y2 - y1);
}

function pointSegmentM(p: Position, a: Position, b: Position): number {
	const [px, py] = frame.toXY([p[0], p[1]]);
	const [ax, ay] = frame.toXY([a[0], a[1]]);
	const [bx, by] = frame.toXY([b[0], b[1]]);
	const dx = bx - ax;
	const dy = by - ay;
	const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
	return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** The smallest distance between any two of the shapes (valid for disjoint shapes). */
function minGapM(shapes: readonly (Polygon | MultiPolygon)[]): number {
	const rings = shapes.map((s) => (s.type === 'Polygon' ? s.coordinates[0] : s.coordinates[0][0]));
	let min = Infinity;
	for (let i = 0; i < rings.length; i++)
		for (let j = 0; j < rings.length; j++) {
			if (i === j) continue;
			for (const p of rings[i])
				for (let k = 0; k + 1 < rings[j].length; k++) min = Math.min(min, pointSegmentM(p, rings[j][k], rings[j][k + 1]));
		}
	return min;
}
