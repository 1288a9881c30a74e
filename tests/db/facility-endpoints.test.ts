import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_CALLER } from '../../src/lib/server/db';
import { readFacilities, readFacilityKinds, readFacilitySummary } from '../../src/lib/server/facilities';
import { clearanceRequest, facilitiesRequest, summaryRequest } from '../../src/lib/server/facilities/requests';
import { toolAnswer } from '../../src/lib/server/pipe-tools/http';
import { answer } from '../../src/lib/server/writes/http';
import type { Outcome } from '../../src/lib/server/writes/outcome';
import type { BatchFacilitySummary, ClearanceConflict, CommunityFacilitySummary, FacilityCollection } from '../../src/lib/domain/facilities';
import { builtSoFar, KIND_ICONS, SERVICE_ROOM_KINDS } from '../../src/lib/domain/facility-display';
import { CLEARANCE_DEMO } from '../../supabase/generator/facilities';
import { backends, openSeeded, type Scratch } from './backends';
import { addFixture, COMMUNITY } from './matrix/fixture';
import { callerOf } from './matrix/subjects';

function valueOf<T>(outcome: Outcome<T>): T {
	if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
	return outcome.value;
}

const q = (query: string) => new URLSearchParams(query);

// The facility endpoints (src/routes/api/facilities/…) as their routes answer: the request
// modules' outcomes through the same answer functions, on the demo data.
describe.each(backends)('the facility endpoints on $name', (backend) => {
	let scratch: Scratch;
	let demo: { id: string; box: string };
	let unpublished: string;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		[demo] = await scratch.db.query<typeof demo>(
			`select c.id, concat_ws(',', extensions.st_xmin(c.boundary), extensions.st_ymin(c.boundary), extensions.st_xmax(c.boundary), extensions.st_ymax(c.boundary)) as box
			 from public.facilities f join public.communities c on c.id = f.community_id where f.note = $1`,
			[CLEARANCE_DEMO.note]
		);
		// The demo publishes every community: an unpublished one with a facility comes from the fixture.
		await addFixture(scratch.db);
		unpublished = COMMUNITY['A-draft'];
		await scratch.db.exec(`insert into public.facilities (community_id, kind, state, capacity, geom)
			values ('${unpublished}', 'bulletin_board', 'existing', 1, extensions.st_setsrid(extensions.st_makepoint(118.0524, 36.8108), 4326))`);
	});
	afterAll(() => scratch?.dispose());

	it('answers 400 with the field for a malformed community, a malformed or too large box, or neither', async () => {
		for (const [query, field] of [
			['community=nope', 'community'],
			['bbox=118,36,119', 'bbox'],
			['bbox=118,36,119,37', 'bbox'],
			['', 'community']
		] as const) {
			const response = answer(await facilitiesRequest(PUBLIC_CALLER, q(query), scratch.db), 'zh-CN');
			expect(response.status, query).toBe(400);
			expect(Object.keys((await response.json()).fields), query).toEqual([field]);
		}
		expect(answer(await summaryRequest(PUBLIC_CALLER, q('community=1'), scratch.db), 'en').status).toBe(400);
		expect(toolAnswer(await clearanceRequest(callerOf('planner'), q('community=x'), scratch.db), 'en').status).toBe(400);
	});

	it('gives the public published communities’ facilities only, by community and by box', async () => {
		const publicBox = valueOf(await facilitiesRequest(PUBLIC_CALLER, q(`bbox=${demo.box}`), scratch.db)) as FacilityCollection;
		expect(publicBox.features.some((f) => f.properties.communityId === demo.id)).toBe(true);
		const published = new Set(
			(await scratch.db.query<{ id: string }>(`select id from public.communities where published`)).map((r) => r.id)
		);
		expect(publicBox.features.every((f) => published.has(f.properties.communityId))).toBe(true);
		const response = answer(await facilitiesRequest(PUBLIC_CALLER, q(`community=${unpublished}`), scratch.db), 'zh-CN');
		expect((await response.json()).features).toEqual([]);
		const planners = valueOf(await facilitiesRequest(callerOf('planner'), q(`community=${unpublished}`), scratch.db)) as FacilityCollection;
		expect(planners.features.length).toBeGreaterThan(0);
	});

	it('answers the public 401 on the clearance check, and a planner the demo’s charger 0.60 m from a gas line', async () => {
		const refused = toolAnswer(await clearanceRequest(PUBLIC_CALLER, q(`community=${demo.id}`), scratch.db), 'zh-CN');
		expect(refused.status).toBe(401);
		const conflicts = (await toolAnswer(await clearanceRequest(callerOf('planner'), q(`community=${demo.id}`), scratch.db), 'zh-CN').json()) as ClearanceConflict[];
		const facilities = valueOf(await readFacilities(callerOf('planner'), { communityId: demo.id }, scratch.db)).features;
		const charger = facilities.find((f) => f.properties.note === CLEARANCE_DEMO.note);
		const flag = conflicts.find((c) => c.facilityId === charger?.properties.id);
		expect(charger?.properties).toMatchObject({ kind: 'ev_charger', state: 'planned' });
		expect(flag).toMatchObject({ pipelineType: 'gas', requiredM: 1 });
		expect(flag?.distanceM).toBeCloseTo(CLEARANCE_DEMO.offsetM, 1);
	});

	it('gives a community’s summary, and the district by batch year adding up the communities', async () => {
		const one = valueOf(await summaryRequest(callerOf('planner'), q(`community=${demo.id}`), scratch.db)) as CommunityFacilitySummary;
		expect(one.communityId).toBe(demo.id);
		const batches = valueOf(await summaryRequest(callerOf('planner'), q(''), scratch.db)) as BatchFacilitySummary[];
		const ids = await scratch.db.query<{ id: string; batch_year: number }>(`select id, batch_year from public.communities where batch_year is not null`);
		for (const batch of batches) {
			const members = ids.filter((r) => r.batch_year === batch.batchYear);
			const summaries = await Promise.all(members.map(async (r) => valueOf(await readFacilitySummary(callerOf('planner'), r.id, scratch.db))));
			expect(batch.communities).toBe(members.length);
			expect(batch.parkingSpaces.after).toBe(summaries.reduce((s, c) => s + Number(c.parkingSpaces.after), 0));
			expect(batch.chargers.before).toBe(summaries.reduce((s, c) => s + Number(c.chargers.before), 0));
		}
	});

	it('counts built so far as the summary does: before + built + planned = after', async () => {
		const summary = valueOf(await readFacilitySummary(callerOf('planner'), demo.id, scratch.db));
		const all = valueOf(await readFacilities(callerOf('planner'), { communityId: demo.id }, scratch.db));
		const built = builtSoFar(all);
		const planned = builtSoFar({ ...all, features: all.features.filter((f) => f.properties.state === 'planned').map((f) => ({ ...f, properties: { ...f.properties, state: 'built' } })) });
		for (const row of ['parkingSpaces', 'chargers', 'sheds', 'shedChargingPorts', 'serviceRoomM2'] as const) {
			expect(Number(summary[row].before) + built[row] + planned[row], row).toBe(Number(summary[row].after));
		}
		expect(planned.chargers).toBeGreaterThan(0);
	});

	it('draws each kind with the icon public.facility_kinds names, and knows its service rooms', async () => {
		const kinds = valueOf(await readFacilityKinds(PUBLIC_CALLER, scratch.db));
		expect(Object.fromEntries(kinds.map((k) => [k.code, k.icon]))).toEqual(KIND_ICONS);
		expect(new Set(kinds.filter((k) => k.isServiceRoom).map((k) => k.code))).toEqual(SERVICE_ROOM_KINDS);
	});
});
