import type { LineString, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrossSection, DigVerdict } from '../../src/lib/domain/pipe-tools';
import { crossSection } from '../../src/lib/server/pipe-tools/cross-section';
import { checkDig } from '../../src/lib/server/pipe-tools/dig-check';
import { toolAnswer } from '../../src/lib/server/pipe-tools/http';
import type { Outcome, Refusal } from '../../src/lib/server/writes/outcome';
import { backends, openSeeded, type Scratch } from './backends';
import { addStaff, callers, IN_A } from './staff-fixture';

function ok<T>(outcome: Outcome<T>): T {
	if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
	return outcome.value;
}

function refusal<T>(outcome: Outcome<T>): Refusal {
	if (outcome.ok) throw new Error(`expected a refusal, got ${JSON.stringify(outcome.value)}`);
	return outcome.refusal;
}

/** A renewed water main of the demo, and a 6 m trench across the middle of it. */
interface Main {
	id: string;
	renewedOn: string;
	communityName: string;
	trench: LineString;
}

/**
 * The longest renewed water segment of the seed inside (or outside) editor A's sub-district,
 * and a trench drawn square across its midpoint, 3 m to each side.
 */
async function renewedMain(scratch: Scratch, inA: boolean): Promise<Main> {
	const [row] = await scratch.db.query<{ id: string; renewed_on: string; name: string; trench: LineString }>(
		`with s as (
		   select s.id, s.renewed_on::text, c.name, extensions.st_force2d(s.geom) as g
		   from public.pipe_segments s join public.communities c on c.id = s.community_id
		   where s.state = 'renewed' and s.pipeline_type = 'water' and (c.subdistrict_code = $1) = $2
		   order by extensions.st_length(s.geom::extensions.geography) desc, s.id limit 1
		 ), m as (
		   select s.*, extensions.st_lineinterpolatepoint(g, 0.5)::extensions.geography as mid,
		          extensions.st_azimuth(extensions.st_lineinterpolatepoint(g, 0.49), extensions.st_lineinterpolatepoint(g, 0.51)) as along
		   from s
		 )
		 select id, renewed_on, name,
		        extensions.st_asgeojson(extensions.st_makeline(
		          extensions.st_project(mid, 3, along + pi() / 2)::extensions.geometry,
		          extensions.st_project(mid, 3, along - pi() / 2)::extensions.geometry), 7)::json as trench
		 from m`,
		[IN_A.subdistrict, inA]
	);
	if (!row) throw new Error(`the seed has no renewed water main ${inA ? 'in' : 'outside'} sub-district A`);
	return { id: row.id, renewedOn: row.renewed_on, communityName: row.name, trench: row.trench };
}

const yearsAfter = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe.each(backends)('the pipeline tools (dig check, cross-section) on $name', (backend) => {
	let scratch: Scratch;
	let mainA: Main;
	let mainElsewhere: Main;

	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addStaff(scratch.db);
		mainA = await renewedMain(scratch, true);
		mainElsewhere = await renewedMain(scratch, false);
	});
	afterAll(() => scratch?.dispose());

	const dig = (who: keyof typeof callers, geometry: unknown, plannedOn: unknown) => checkDig(callers[who], { geometry, planned_on: plannedOn }, scratch.db);

	describe('the ten-year check', () => {
		it('tells a planner a trench across a main renewed a year before is not allowed until ten years are up', async () => {
			const verdict: DigVerdict = ok(await dig('planner', mainA.trench, yearsAfter(mainA.renewedOn, 1)));
			const until = yearsAfter(mainA.renewedOn, 10);
			expect(verdict.allowed).toBe(false);
			// Not before the last moratorium ends: the trench may touch a pipe renewed later
			// (a service line joining the main).
			const blocking = verdict.conflicts.filter((c) => c.blocks).map((c) => c.moratoriumUntil);
			expect(verdict.allowedFrom).toBe(blocking.sort().at(-1));
			expect(verdict.allowedFrom! >= until).toBe(true);
			const conflict = verdict.conflicts.find((c) => c.segmentId === mainA.id);
			expect(conflict).toMatchObject({
				pipelineType: 'water',
				communityName: mainA.communityName,
				renewedOn: mainA.renewedOn,
				moratoriumUntil: until,
				blocks: true,
				distanceM: 0
			});
			expect(conflict?.geometry.type).toBe('LineString');
		});

		it('allows the same trench from the day the last moratorium ends, still listing the main', async () => {
			const until = ok(await dig('planner', mainA.trench, yearsAfter(mainA.renewedOn, 1))).allowedFrom!;
			expect(ok(await dig('planner', mainA.trench, dayBefore(until))).allowed).toBe(false);
			const verdict = ok(await dig('planner', mainA.trench, until));
			expect(verdict.allowed).toBe(true);
			expect(verdict.allowedFrom).toBeNull();
			expect(verdict.conflicts.find((c) => c.segmentId === mainA.id)?.blocks).toBe(false);
		});

		it('counts an area over the main as well as a trench', async () => {
			const [a, b] = mainA.trench.coordinates;
			const area: Polygon = { type: 'Polygon', coordinates: [[a, b, [b[0] + 0.00002, b[1] + 0.00002], [a[0] + 0.00002, a[1] + 0.00002], a]] };
			const verdict = ok(await dig('planner', area, yearsAfter(mainA.renewedOn, 1)));
			expect(verdict.conflicts.map((c) => c.segmentId)).toContain(mainA.id);
		});

		it("shows an editor their own sub-district's main and not another's", async () => {
			const planned = yearsAfter(mainElsewhere.renewedOn, 1);
			expect(ok(await dig('planner', mainElsewhere.trench, planned)).conflicts.map((c) => c.segmentId)).toContain(mainElsewhere.id);
			expect(ok(await dig('editorA', mainElsewhere.trench, planned))).toMatchObject({ allowed: true, conflicts: [] });
			const own = ok(await dig('editorA', mainA.trench, yearsAfter(mainA.renewedOn, 1)));
			expect(own.allowed).toBe(false);
			expect(own.conflicts.map((c) => c.segmentId)).toContain(mainA.id);
		});

		it('tells the public to sign in (401), before looking at the body', async () => {
			const outcome = await dig('anon', mainA.trench, '2026-01-01');
			expect(refusal(outcome)).toEqual({ kind: 'forbidden', reason: 'sign_in' });
			expect(toolAnswer(outcome, 'zh-CN').status).toBe(401);
			expect(toolAnswer(await checkDig(callers.anon, null, scratch.db), 'en').status).toBe(401);
		});

		it.each([
			['no geometry', undefined, '2026-01-01', { geometry: 'pipeTools.error.shape' }],
			['a point', { type: 'Point', coordinates: [118.05, 36.81] }, '2026-01-01', { geometry: 'pipeTools.error.shape' }],
			['a line of one vertex', { type: 'LineString', coordinates: [[118.05, 36.81]] }, '2026-01-01', { geometry: 'pipeTools.error.shape' }],
			['an open ring', { type: 'Polygon', coordinates: [[[118.05, 36.81], [118.051, 36.81], [118.051, 36.811], [118.05, 36.811]]] }, '2026-01-01', { geometry: 'pipeTools.error.shape' }],
			['text for coordinates', { type: 'LineString', coordinates: [['118.05', '36.81'], [118.051, 36.81]] }, '2026-01-01', { geometry: 'pipeTools.error.shape' }],
			['a latitude beyond 84°', { type: 'LineString', coordinates: [[118.05, 85], [118.051, 85]] }, '2026-01-01', { geometry: 'pipeTools.error.shape' }],
			['too many vertices', { type: 'LineString', coordinates: Array.from({ length: 501 }, (_, i) => [118.05 + i * 1e-6, 36.81]) }, '2026-01-01', { geometry: 'pipeTools.error.shape' }],
			['no date', { type: 'LineString', coordinates: [[118.05, 36.81], [118.051, 36.81]] }, undefined, { planned_on: 'edit.error.required' }],
			['a date that is none', { type: 'LineString', coordinates: [[118.05, 36.81], [118.051, 36.81]] }, '2026-02-30', { planned_on: 'edit.error.date' }],
			['a date in another format', { type: 'LineString', coordinates: [[118.05, 36.81], [118.051, 36.81]] }, '01/02/2026', { planned_on: 'edit.error.date' }]
		])('refuses %s with a field message (400)', async (_what, geometry, plannedOn, fields) => {
			const outcome = await dig('planner', geometry, plannedOn);
			const refused = refusal(outcome);
			expect(refused.kind).toBe('invalid');
			expect(Object.fromEntries(Object.entries(refused.kind === 'invalid' ? refused.fields : {}).map(([k, v]) => [k, v.key]))).toEqual(fields);
			expect(toolAnswer(outcome, 'zh-CN').status).toBe(400);
		});

		it('refuses a trench longer than 3 km, saying the bound', async () => {
			const long = { type: 'LineString', coordinates: [[118.0, 36.8], [118.04, 36.8]] }; // about 3.6 km
			const refused = refusal(await dig('planner', long, '2026-01-01'));
			expect(refused).toEqual({ kind: 'invalid', fields: { geometry: { key: 'pipeTools.error.tooLong', values: { max: 3000 } } } });
		});

		it('refuses an area whose outline crosses itself, as PostGIS judges it', async () => {
			const bowtie = { type: 'Polygon', coordinates: [[[118.05, 36.81], [118.051, 36.811], [118.051, 36.81], [118.05, 36.811], [118.05, 36.81]]] };
			const outcome = await dig('planner', bowtie, '2026-01-01');
			expect(refusal(outcome)).toEqual({ kind: 'invalid', fields: { geometry: { key: 'pipeTools.error.invalidShape' } } });
			expect(toolAnswer(outcome, 'zh-CN').status).toBe(400);
		});
	});

	describe('the cross-section', () => {
		const section = (who: keyof typeof callers, geometry: unknown) => crossSection(callers[who], { geometry }, scratch.db);

		it('lists the main a line crosses, at its middle, with depth and size, for a planner', async () => {
			const answer: CrossSection = ok(await section('planner', mainA.trench));
			expect(answer.lengthM).toBeCloseTo(6, 0);
			const crossing = answer.crossings.find((c) => c.segmentId === mainA.id);
			expect(crossing).toMatchObject({ pipelineType: 'water', state: 'renewed' });
			expect(crossing?.distanceM).toBeCloseTo(3, 0);
			expect(crossing?.depthM).toBeGreaterThan(0);
			expect(crossing?.diameterMm ?? crossing?.section).toBeTruthy();
			const distances = answer.crossings.map((c) => c.distanceM);
			expect(distances).toEqual([...distances].sort((a, b) => a - b));
		});

		it("shows an editor no pipe outside their sub-districts", async () => {
			expect(ok(await section('planner', mainElsewhere.trench)).crossings.map((c) => c.segmentId)).toContain(mainElsewhere.id);
			expect(ok(await section('editorA', mainElsewhere.trench)).crossings).toEqual([]);
		});

		it('tells the public to sign in (401)', async () => {
			expect(toolAnswer(await section('anon', mainA.trench), 'zh-CN').status).toBe(401);
		});

		it('takes only a line, of at most 1 km', async () => {
			const area = { type: 'Polygon', coordinates: [[[118.05, 36.81], [118.051, 36.81], [118.051, 36.811], [118.05, 36.81]]] };
			expect(refusal(await section('planner', area))).toEqual({ kind: 'invalid', fields: { geometry: { key: 'pipeTools.error.shape' } } });
			const long = { type: 'LineString', coordinates: [[118.0, 36.8], [118.0, 36.81]] }; // about 1.1 km
			expect(refusal(await section('planner', long))).toEqual({ kind: 'invalid', fields: { geometry: { key: 'pipeTools.error.tooLong', values: { max: 1000 } } } });
		});
	});
});
