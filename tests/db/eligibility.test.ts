import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCaller } from '../../src/lib/server/db/roles';
import type { Caller } from '../../src/lib/server/db/roles';
import { backends, openSeeded, type Scratch } from './backends';
import { square } from './matrix/fixture';
import { addStaff, auditCount, callers, IN_A } from './staff-fixture';

/** Facts of a plainly eligible community; each case changes some of them. */
const ELIGIBLE = {
	built_year: 1995,
	land_tenure: 'state_owned',
	in_city_or_county_seat: true,
	in_redevelopment_plan: false,
	mostly_self_built: false,
	poorly_maintained: true,
	lacks_facilities: true,
	residents_support_pct: 80 as number | null
};
type Facts = typeof ELIGIBLE;

const CASES: [string, Partial<Facts>, string, string[]][] = [
	['eligible facts', {}, 'eligible', []],
	['built in 2005', { built_year: 2005 }, 'eligible', []],
	['built in 2006', { built_year: 2006 }, 'not_eligible', ['built_after_2005']],
	['collective land', { land_tenure: 'collective' }, 'not_eligible', ['collective_land']],
	['outside a city or county seat', { in_city_or_county_seat: false }, 'not_eligible', ['outside_city_or_county_seat']],
	['in a shanty-town or urban-village plan', { in_redevelopment_plan: true }, 'not_eligible', ['in_redevelopment_plan']],
	['mainly self-built', { mostly_self_built: true }, 'not_eligible', ['mostly_self_built']],
	['not run down', { poorly_maintained: false }, 'needs_review', ['not_run_down']],
	['facilities complete', { lacks_facilities: false }, 'needs_review', ['facilities_complete']],
	['support unknown', { residents_support_pct: null }, 'needs_review', ['support_unknown']],
	['support under two thirds', { residents_support_pct: 66.66 }, 'needs_review', ['support_below_two_thirds']],
	['support of exactly two thirds rounded up', { residents_support_pct: 66.67 }, 'eligible', []],
	[
		'every reason at once, hard ones first',
		{ built_year: 2010, land_tenure: 'collective', in_city_or_county_seat: false, in_redevelopment_plan: true, mostly_self_built: true, poorly_maintained: false, lacks_facilities: false, residents_support_pct: null },
		'not_eligible',
		['built_after_2005', 'collective_land', 'outside_city_or_county_seat', 'in_redevelopment_plan', 'mostly_self_built', 'not_run_down', 'facilities_complete', 'support_unknown']
	]
];

interface Failure {
	code?: string;
	hint?: string;
	message?: string;
}

async function failure(promise: Promise<unknown>): Promise<Failure> {
	try {
		await promise;
	} catch (error) {
		return error as Failure;
	}
	throw new Error('expected the database to refuse');
}

describe.each(backends)('eligibility on $name', (backend) => {
	let scratch: Scratch;
	let seq = 0;

	/** A new community outside any batch, in the sub-district of a demo one, on a free square of its own, with these facts. */
	async function community(facts: Partial<Facts>): Promise<string> {
		const f = { ...ELIGIBLE, ...facts };
		seq += 1;
		const [row] = await scratch.db.query<{ id: string }>(
			`insert into public.communities (code, name, subdistrict_code, boundary, built_year, land_tenure, in_city_or_county_seat,
			   in_redevelopment_plan, mostly_self_built, poorly_maintained, lacks_facilities, residents_support_pct,
			   households, floor_area_m2, property_management)
			 select $1, '测试小区', subdistrict_code, ${square(seq)}, $2, $3, $4, $5, $6, $7, $8, $9, 100, 5000, 'none'
			 from public.communities where code = $10
			 returning id`,
			[`TEST-${seq}`, f.built_year, f.land_tenure, f.in_city_or_county_seat, f.in_redevelopment_plan, f.mostly_self_built,
				f.poorly_maintained, f.lacks_facilities, f.residents_support_pct, IN_A.code]
		);
		return row.id;
	}

	const eligibility = async (id: string, who: Caller = callers.planner) =>
		(await asCaller(scratch.db, who, (tx) =>
			tx.query<{ status: string; reasons: string[]; overridden: boolean }>(
				`select status, reasons, exists (select 1 from public.eligibility_overrides o where o.community_id = e.community_id and o.covers @> e.reasons) as overridden
				 from public.community_eligibility e where community_id = $1`,
				[id]
			)
		))[0];
	const enterBatch = (id: string, who: Caller = callers.planner) =>
		asCaller(scratch.db, who, (tx) => tx.query(`update public.communities set batch_year = 2023 where id = $1`, [id]));
	const override = (id: string, reason: string, who: Caller = callers.planner) =>
		asCaller(scratch.db, who, (tx) =>
			tx.query<{ covers: string[]; granted_by: string }>(
				`insert into public.eligibility_overrides (community_id, reason) values ($1, $2) returning covers, granted_by`,
				[id, reason]
			)
		);

	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addStaff(scratch.db);
	});
	afterAll(() => scratch?.dispose());

	it('finds every demo community eligible', async () => {
		const rows = await scratch.db.query<{ status: string; n: number }>(
			`select status, count(*)::int as n from public.community_eligibility group by status`
		);
		expect(rows).toEqual([{ status: 'eligible', n: 22 }]);
	});

	it.each(CASES)('%s', async (_label, facts, status, reasons) => {
		const id = await community(facts);
		expect(await eligibility(id)).toEqual({ status, reasons, overridden: false });
	});

	it('lets an eligible community enter a batch and get a project without any override', async () => {
		const id = await community({});
		await enterBatch(id);
		await asCaller(scratch.db, callers.planner, (tx) =>
			tx.query(`insert into public.renovation_projects (community_id, stage, status_as_of) values ($1, 'preparation', '2023-01-01')`, [id])
		);
	});

	it('lets a planner put a community needing review in a batch: that is the review', async () => {
		const id = await community({ residents_support_pct: null, poorly_maintained: false });
		await enterBatch(id);
	});

	it('refuses a community that is not eligible a batch or a project, and writes nothing', async () => {
		const id = await community({ mostly_self_built: true, residents_support_pct: null });
		const before = await auditCount(scratch.db);

		const batch = await failure(enterBatch(id));
		expect(batch).toMatchObject({ code: '55000', hint: 'eligibility_override_required' });
		expect(batch.message).toMatch(/TEST-\d+ is not_eligible \(mostly_self_built, support_unknown\)/);
		const project = await failure(
			asCaller(scratch.db, callers.planner, (tx) =>
				tx.query(`insert into public.renovation_projects (community_id, stage, status_as_of) values ($1, 'preparation', '2023-01-01')`, [id])
			)
		);
		expect(project).toMatchObject({ code: '55000', hint: 'eligibility_override_required' });
		expect(await auditCount(scratch.db)).toBe(before);
	});

	it('refuses the owner too: migrations and jobs go through overrides like everyone', async () => {
		const id = await community({ built_year: 2008 });
		expect(await failure(scratch.db.query(`update public.communities set batch_year = 2023 where id = $1`, [id]))).toMatchObject({ code: '55000' });
	});

	it('lets a planner override with a reason: recorded, named, covering the reasons of the day', async () => {
		const id = await community({ built_year: 2007, residents_support_pct: null });
		const [granted] = await override(id, '2007年竣工，区政府专题会议同意纳入');
		expect(granted).toEqual({ covers: ['built_after_2005', 'support_unknown'], granted_by: (callers.planner as { userId: string }).userId });
		expect(await eligibility(id)).toEqual({ status: 'not_eligible', reasons: ['built_after_2005', 'support_unknown'], overridden: true });

		await enterBatch(id);
		const [entry] = await scratch.db.query<{ actor_name: string; new_values: { reason: string; covers: string[] } }>(
			`select actor_name, new_values from public.audit_log where table_name = 'eligibility_overrides' and community_id = $1`,
			[id]
		);
		expect(entry).toMatchObject({ actor_name: '王规划', new_values: { reason: '2007年竣工，区政府专题会议同意纳入', covers: ['built_after_2005', 'support_unknown'] } });
	});

	it('needs a new override when a new reason appears after the old one', async () => {
		const id = await community({ in_city_or_county_seat: false });
		await override(id, '城乡结合部，按县城标准管理');
		await scratch.db.query(`update public.communities set mostly_self_built = true where id = $1`, [id]);
		expect((await eligibility(id)).overridden).toBe(false);
		expect(await failure(enterBatch(id))).toMatchObject({ hint: 'eligibility_override_required' });
		await override(id, '自建房已纳入拆除计划');
		await enterBatch(id);
	});

	it('withdrawing an override closes the way again, on the record', async () => {
		const id = await community({ in_redevelopment_plan: true });
		await override(id, '棚改计划已撤销');
		await asCaller(scratch.db, callers.planner, (tx) => tx.query(`delete from public.eligibility_overrides where community_id = $1`, [id]));
		expect(await failure(enterBatch(id))).toMatchObject({ code: '55000' });
		const actions = await scratch.db.query<{ action: string }>(
			`select action from public.audit_log where table_name = 'eligibility_overrides' and community_id = $1 order by id`,
			[id]
		);
		expect(actions.map((a) => a.action)).toEqual(['insert', 'delete']);
	});

	it('refuses an override of a community that is not excluded, one without a reason, and one by anyone but a planner', async () => {
		for (const facts of [{}, { residents_support_pct: null }]) {
			expect(await failure(override(await community(facts), '无需例外'))).toMatchObject({ code: '55000', hint: 'eligibility_override_needless' });
		}
		const ineligible = await community({ land_tenure: 'collective' });
		expect(await failure(override(ineligible, '  '))).toMatchObject({ code: '23514' });
		for (const who of [callers.editorA, callers.leader, callers.anon]) {
			expect((await failure(override(ineligible, '编辑不能例外', who))).code).toBe('42501');
		}
	});

	it('shows eligibility to whoever sees the community, and overrides to staff only', async () => {
		const id = await community({ land_tenure: 'collective' });
		const publicView = (community: string) =>
			asCaller(scratch.db, callers.anon, (tx) =>
				tx.query<{ status: string }>(`select status from public.community_eligibility where community_id = $1`, [community])
			);
		// Unpublished: the public sees neither the community nor its eligibility.
		expect(await publicView(id)).toEqual([]);
		const published = await scratch.db.query<{ community_id: string }>(
			`select e.community_id from public.community_eligibility e join public.communities c on c.id = e.community_id where c.published limit 1`
		);
		expect(await publicView(published[0].community_id)).toEqual([{ status: 'eligible' }]);
		expect((await failure(asCaller(scratch.db, callers.anon, (tx) => tx.query(`select * from public.eligibility_overrides`)))).code).toBe('42501');
		const seen = await asCaller(scratch.db, callers.editorB, (tx) =>
			tx.query(`select 1 from public.eligibility_overrides o join public.communities c on c.id = o.community_id where c.subdistrict_code = $1`, [IN_A.subdistrict])
		);
		expect(seen).toEqual([]);
	});
});
