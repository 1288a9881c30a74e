import { describe, expect, it } from 'vitest';
import { booleanIntersects, booleanWithin, lineString, point, pointToLineDistance, polygon, polygonToLine } from '@turf/turf';
import type { Feature, LineString, Point, Polygon } from 'geojson';
import { DEFAULT_CLEARANCE_M } from './free-space';
import { CLEARANCE_DEMO, clearanceDemoCommunity, KIND_LAYOUT, type SeedFacility } from './facilities';
import { generateSeedDataset } from './generate';
import type { SeedPipeSegment } from './pipes';

const data = generateSeedDataset();
const { facilities } = data;
const itemOf = new Map(data.planItems.map((i) => [i.id, i]));
const ofItem = (id: string) => facilities.filter((f) => f.planItemId === id);
const flat = (s: SeedPipeSegment) => lineString(s.geom.coordinates.map((p) => [p[0], p[1]]));

/** Metres in plan from a facility to a pipe: 0 over it (turf, on the sphere, not the generator's frame). */
function distanceTo(f: SeedFacility, pipe: Feature<LineString>): number {
	if (f.geom.type === 'Point') return pointToLineDistance(point(f.geom.coordinates), pipe, { units: 'meters' });
	const area = polygon((f.geom as Polygon).coordinates);
	if (booleanIntersects(area, pipe)) return 0;
	const edge = polygonToLine(area) as Feature<LineString>;
	return Math.min(
		...area.geometry.coordinates[0].map((p) => pointToLineDistance(point(p), pipe, { units: 'meters' })),
		...pipe.geometry.coordinates.map((p) => pointToLineDistance(point(p), edge, { units: 'meters' }))
	);
}

const works = (communityId: string) => {
	const project = data.projects.find((p) => p.communityId === communityId);
	const on = (stage: string) => data.milestones.find((m) => m.projectId === project?.id && m.stage === stage)?.actualOn ?? null;
	return { from: on('construction'), to: on('acceptance') ?? data.dataDate };
};

describe('demo facilities', () => {
	it('give every community what it had before its renovation, tied to no plan item', () => {
		for (const c of data.communities) {
			const before = facilities.filter((f) => f.communityId === c.id && f.state === 'existing');
			expect(before.some((f) => f.kind === 'parking')).toBe(true);
			expect(before.some((f) => f.kind === 'sanitation_point')).toBe(true);
			expect(before.every((f) => f.planItemId === null && f.builtOn === null)).toBe(true);
		}
		expect(facilities.every((f) => f.isDemo)).toBe(true);
	});

	it('deliver each item of the plans that has a place, by a kind of its catalogue item, in its community', () => {
		const delivering = new Set(Object.values(KIND_LAYOUT).map((k) => k.catalogue));
		for (const item of data.planItems.filter((i) => delivering.has(i.catalogueCode))) {
			expect(ofItem(item.id).length, item.catalogueCode).toBeGreaterThan(0);
		}
		for (const f of facilities.filter((x) => x.planItemId !== null)) {
			const item = itemOf.get(f.planItemId ?? '');
			expect(item?.communityId).toBe(f.communityId);
			expect(KIND_LAYOUT[f.kind]?.catalogue).toBe(item?.catalogueCode);
		}
	});

	it('add up to the items’ quantities: spaces, sheds, lockers and mailboxes, m² of rooms', () => {
		for (const item of data.planItems) {
			const mine = ofItem(item.id);
			const sum = (kind: string) => mine.filter((f) => f.kind === kind).reduce((s, f) => s + f.capacity, 0);
			switch (item.catalogueCode) {
				case 'parking':
					expect(sum('parking')).toBe(item.quantity);
					expect(mine.filter((f) => f.kind === 'ev_charger')).toHaveLength(1);
					break;
				case 'bike_sheds':
					expect(mine.filter((f) => f.kind === 'bike_shed')).toHaveLength(item.quantity);
					break;
				case 'mailboxes_lockers':
					expect(mine).toHaveLength(item.quantity);
					break;
				case 'property_service_room':
				case 'elderly_care':
					expect(sum(item.catalogueCode)).toBe(item.quantity);
					break;
			}
		}
		for (const f of facilities) {
			expect(f.capacity).toBeGreaterThan(0);
			if (f.chargers !== null) expect(f.chargers).toBeLessThanOrEqual(f.capacity);
			if (f.chargers !== null) expect(['parking', 'bike_shed']).toContain(f.kind);
		}
	});

	it('follow the items’ progress: built with a date during the works when done, planned while planned', () => {
		for (const f of facilities.filter((x) => x.planItemId !== null)) {
			const item = itemOf.get(f.planItemId ?? '');
			if (item?.status === 'done') expect(f.state).toBe('built');
			if (item?.status === 'planned') expect(f.state).toBe('planned');
			expect(f.state === 'built').toBe(f.builtOn !== null);
			if (f.builtOn) {
				const { from, to } = works(f.communityId);
				expect(from).not.toBeNull();
				expect(f.builtOn >= (from ?? '') && f.builtOn <= to).toBe(true);
			}
		}
		// A finished 2020 community has its facilities built.
		const finished = data.communities.filter((c) => c.batchYear === 2020 && data.projects.find((p) => p.communityId === c.id)?.stage === 'archived');
		expect(finished.length).toBeGreaterThan(0);
		for (const c of finished) {
			const planned = facilities.filter((f) => f.communityId === c.id && f.planItemId !== null);
			expect(planned.length).toBeGreaterThan(0);
			expect(planned.every((f) => f.state === 'built')).toBe(true);
		}
	});

	it('stand inside their community, areas off every building, drawn as their kind says', () => {
		for (const c of data.communities) {
			const boundary = polygon(c.boundary.coordinates[0]);
			const footprints = data.buildings.filter((b) => b.communityId === c.id).map((b) => polygon(b.footprint.coordinates));
			for (const f of facilities.filter((x) => x.communityId === c.id)) {
				expect(f.geom.type.toLowerCase()).toBe(KIND_LAYOUT[f.kind]?.geometry);
				const shape = f.geom.type === 'Point' ? point((f.geom as Point).coordinates) : polygon((f.geom as Polygon).coordinates);
				expect(booleanWithin(shape, boundary)).toBe(true);
				if (f.geom.type === 'Polygon') expect(footprints.some((b) => booleanIntersects(b, shape))).toBe(false);
			}
		}
	});

	it('keep planned structures clear of the pipes in use, but for the one charging station placed too close to gas on purpose', () => {
		const demo = facilities.filter((f) => f.note === CLEARANCE_DEMO.note);
		expect(demo).toHaveLength(1);
		const [station] = demo;
		expect(station).toMatchObject({ kind: 'ev_charger', state: 'planned', communityId: clearanceDemoCommunity(data).id });
		expect(itemOf.get(station.planItemId ?? '')?.status).toBe('planned');

		const inUse = data.pipeSegments.filter((s) => s.state !== 'abandoned');
		const breaches: string[] = [];
		for (const f of facilities.filter((x) => KIND_LAYOUT[x.kind]?.structure && x !== station)) {
			for (const s of inUse.filter((p) => p.communityId === f.communityId)) {
				const d = distanceTo(f, flat(s));
				if (d < DEFAULT_CLEARANCE_M[s.pipelineType]) breaches.push(`${f.kind} ${d.toFixed(2)} m from ${s.pipelineType}`);
			}
		}
		expect(breaches).toEqual([]);

		const gas = inUse.filter((s) => s.communityId === station.communityId && s.pipelineType === 'gas');
		const nearest = Math.min(...gas.map((s) => distanceTo(station, flat(s))));
		expect(nearest).toBeGreaterThan(0.4);
		expect(nearest).toBeLessThan(DEFAULT_CLEARANCE_M.gas);
	});
});
