import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_CALLER } from '../../src/lib/server/db';
import {
	readBatchFacilitySummaries,
	readClearanceConflicts,
	readFacilities,
	readFacilityKinds,
	readFacilitySummary
} from '../../src/lib/server/facilities';
import { FACILITY_KINDS, parseBbox, type FacilityCollection } from '../../src/lib/domain/facilities';
import type { Outcome } from '../../src/lib/server/writes/outcome';
import { CLEARANCE_DEMO } from '../../supabase/generator/facilities';
import { backends, openSeeded, type Scratch } from './backends';
import { addFixture, COMMUNITY } from './matrix/fixture';
import { callerOf } from './matrix/subjects';

function valueOf<T>(outcome: Outcome<T>): T {
	if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
	return outcome.value;
}

// What the facility layer and panels will read (src/lib/server/facilities), on the demo data.
describe.each(backends)('the facility reads on $name', (backend) => {
	let scratch: Scratch;
	let demo: { id: string; code: string; west: number; south: number; east: number; north: number };
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addFixture(scratch.db);
		[demo] = await scratch.db.query<typeof demo>(
			`select c.id, c.code, extensions.st_xmin(c.boundary) as west, extensions.st_ymin(c.boundary) as south,
			        extensions.st_xmax(c.boundary) as east, extensions.st_ymax(c.boundary) as north
			 from public.facilities f join public.communities c on c.id = f.community_id where f.note = $1`,
			[CLEARANCE_DEMO.note]
		);
	});
	afterAll(() => scratch?.dispose());

	it('lists the kinds in legend order, each with a maki icon that exists', async () => {
		const kinds = valueOf(await readFacilityKinds(PUBLIC_CALLER, scratch.db));
		expect(kinds.map((k) => k.code)).toEqual([...FACILITY_KINDS]);
		for (const k of kinds) expect(existsSync(`node_modules/@mapbox/maki/icons/${k.icon}.svg`), k.icon).toBe(true);
		expect(kinds.find((k) => k.code === 'ev_charger')).toMatchObject({ catalogueCode: 'parking', geometryKind: 'point', isStructure: true });
	});

	it('gives the public a published community’s facilities as GeoJSON, and nothing of an unpublished one', async () => {
		const mine = valueOf(await readFacilities(PUBLIC_CALLER, { communityId: demo.id }, scratch.db));
		expect(mine.features.length).toBeGreaterThan(5);
		expect(mine.features.every((f) => f.properties.communityId === demo.id && ['Point', 'Polygon'].includes(f.geometry.type))).toBe(true);
		expect(mine.features.some((f) => f.properties.note === CLEARANCE_DEMO.note)).toBe(true);
		await scratch.db.exec(`insert into public.facilities (community_id, kind, state, capacity, geom)
			values ('${COMMUNITY['A-draft']}', 'bulletin_board', 'existing', 1, extensions.st_setsrid(extensions.st_makepoint(118.0524, 36.8108), 4326))`);
		expect(valueOf(await readFacilities(PUBLIC_CALLER, { communityId: COMMUNITY['A-draft'] }, scratch.db)).features).toEqual([]);
		expect(valueOf(await readFacilities(callerOf('editorA'), { communityId: COMMUNITY['A-draft'] }, scratch.db)).features).toHaveLength(1);
	});

	it('reads a box, and refuses a request with neither a community nor a box', async () => {
		const box = parseBbox([demo.west, demo.south, demo.east, demo.north]);
		expect(box).not.toBeNull();
		const inBox = valueOf(await readFacilities(PUBLIC_CALLER, { bbox: box ?? undefined }, scratch.db));
		const own = valueOf(await readFacilities(PUBLIC_CALLER, { communityId: demo.id }, scratch.db));
		expect(inBox.features.filter((f) => f.properties.communityId === demo.id)).toEqual(own.features);
		expect(await readFacilities(PUBLIC_CALLER, {}, scratch.db)).toMatchObject({ ok: false, refusal: { kind: 'invalid' } });
		expect(await readFacilities(PUBLIC_CALLER, { communityId: 'nope' }, scratch.db)).toEqual({ ok: false, refusal: { kind: 'not_found' } });
		expect(parseBbox('118,36,119,37')).toBeNull(); // a whole degree: larger than any view of the district needs
		expect(parseBbox('118.1,36.8,118.0,36.9')).toBeNull();
	});

	it('sums a community before and after as its features add up', async () => {
		const summary = valueOf(await readFacilitySummary(PUBLIC_CALLER, demo.id, scratch.db));
		const features = valueOf(await readFacilities(PUBLIC_CALLER, { communityId: demo.id }, scratch.db)).features.map((f) => f.properties);
		const sum = (pick: (f: FacilityCollection['features'][number]['properties']) => number, existing: boolean) =>
			features.filter((f) => !existing || f.state === 'existing').reduce((s, f) => s + pick(f), 0);
		const parking = (f: { kind: string; capacity: number }) => (f.kind === 'parking' ? f.capacity : 0);
		const chargers = (f: { kind: string; capacity: number; chargers: number | null }) =>
			f.kind === 'ev_charger' ? f.capacity : f.kind === 'parking' ? (f.chargers ?? 0) : 0;
		expect(summary.parkingSpaces).toEqual({ before: sum(parking, true), after: sum(parking, false) });
		expect(summary.chargers).toEqual({ before: sum(chargers, true), after: sum(chargers, false) });
		expect(summary.parkingSpaces.after).toBeGreaterThan(summary.parkingSpaces.before);
		expect(await readFacilitySummary(PUBLIC_CALLER, COMMUNITY['A-draft'], scratch.db)).toEqual({ ok: false, refusal: { kind: 'not_found' } });
	});

	it('adds the communities up by batch year', async () => {
		const batches = valueOf(await readBatchFacilitySummaries(PUBLIC_CALLER, scratch.db));
		expect(batches.map((b) => b.batchYear)).toEqual([2020, 2021, 2022]);
		const [{ n }] = await scratch.db.query<{ n: number }>(`select count(*)::int as n from public.communities where published and batch_year is not null`);
		expect(batches.reduce((s, b) => s + b.communities, 0)).toBe(n);
	});

	it('flags the demo’s charging station for a planner, and refuses the public', async () => {
		const conflicts = valueOf(await readClearanceConflicts(callerOf('planner'), demo.id, scratch.db));
		expect(conflicts.some((c) => c.pipelineType === 'gas' && c.distanceM < c.requiredM && c.requiredM === 1)).toBe(true);
		expect(await readClearanceConflicts(PUBLIC_CALLER, demo.id, scratch.db)).toEqual({
			ok: false,
			refusal: { kind: 'forbidden', reason: 'sign_in' }
		});
		expect(valueOf(await readClearanceConflicts(callerOf('noRole'), null, scratch.db))).toEqual([]);
	});
});
