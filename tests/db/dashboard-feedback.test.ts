import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STALE_DAYS, type Dashboard, type DashboardFilters } from '../../src/lib/domain/dashboard';
import { readDashboard } from '../../src/lib/server/dashboard';
import type { Caller } from '../../src/lib/server/db/roles';
import { asCaller } from '../../src/lib/server/db/roles';
import { moderateFeedback } from '../../src/lib/server/feedback/moderate';
import { backends, openSeeded, type Scratch } from './backends';
import { addStaff, callers, IN_A } from './staff-fixture';

// Residents' feedback on the dashboard: per community what is approved (suggestions,
// ratings, their average) and what still waits, reconciled with the feedback rows
// themselves; an editor sees what waits only in their own sub-district.
const DONE = IN_A.code; // ZD-2020-01, accepted: ratings are open
const UNDERWAY = 'ZD-2022-03'; // not yet accepted: suggestions are open
const key = (name: string) => createHash('sha256').update(name).digest('hex');

describe.each(backends)('residents’ feedback on the dashboard on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addStaff(scratch.db);
		const submit = (client: string, community: string, kind: string, rating: number | null, comment: string | null) =>
			asCaller(scratch.db, callers.anon, async (tx) => {
				const [row] = await tx.query<{ id: string }>('select private.submit_feedback($1, $2, $3, $4, $5) as id', [key(client), community, kind, rating, comment]);
				return row.id;
			});
		const approve = async (id: string) => expect((await moderateFeedback(callers.planner, id, 'approved', scratch.db)).ok).toBe(true);
		await approve(await submit('a', DONE, 'rating', 5, '电梯装好了'));
		await approve(await submit('b', DONE, 'rating', 4, null));
		await approve(await submit('c', DONE, 'rating', 2, '路面还有积水'));
		await submit('d', DONE, 'rating', 1, null); // pending
		await approve(await submit('e', UNDERWAY, 'suggestion', null, '希望增加充电车棚'));
		await submit('f', UNDERWAY, 'suggestion', null, '楼道灯'); // pending
	});
	afterAll(() => scratch?.dispose());

	async function read(caller: Caller, filters: Partial<DashboardFilters> = {}): Promise<Dashboard> {
		const outcome = await readDashboard(caller, { year: null, subdistrict: null, staleDays: DEFAULT_STALE_DAYS, ...filters }, scratch.db);
		if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
		return outcome.value;
	}

	it('gives a planner each community’s approved suggestions, ratings and average, and what waits, as the rows say', async () => {
		const { feedback } = await read(callers.planner);
		const plain = await scratch.db.query<{ code: string; suggestions: number; ratings: number; average: number | null; pending: number }>(
			`select c.code,
			        (count(*) filter (where f.status = 'approved' and f.kind = 'suggestion'))::int as suggestions,
			        (count(*) filter (where f.status = 'approved' and f.kind = 'rating'))::int as ratings,
			        round(avg(f.rating) filter (where f.status = 'approved'), 2)::float8 as average,
			        (count(*) filter (where f.status = 'pending'))::int as pending
			 from public.feedback f join public.communities c on c.id = f.community_id group by c.code order by c.code`
		);
		expect(feedback.rows.map(({ code, suggestions, ratings, averageRating, pending }) => ({ code, suggestions, ratings, average: averageRating, pending }))).toEqual(plain);
		expect(feedback.rows.find((r) => r.code === DONE)).toMatchObject({ ratings: 3, averageRating: 3.67, pending: 1, suggestions: 0 });
		expect(feedback.rows.find((r) => r.code === UNDERWAY)).toMatchObject({ suggestions: 1, ratings: 0, averageRating: null, pending: 1 });
		// Over the approved ratings themselves: (5 + 4 + 2) / 3.
		expect(feedback.averageRating).toBe(3.67);
	});

	it('follows the filters, and shows an editor what waits only in their own sub-district', async () => {
		expect((await read(callers.planner, { year: 2020 })).feedback.rows.map((r) => r.code)).toEqual([DONE]);
		expect((await read(callers.planner, { year: 2021 })).feedback).toEqual({ rows: [], averageRating: null });
		// Both communities are editor A's: everything, waiting feedback included.
		expect((await read(callers.editorA)).feedback.rows.map((r) => [r.code, r.pending])).toEqual([[DONE, 1], [UNDERWAY, 1]]);
		// Editor B reads what is public of them, but nothing that waits for their moderators.
		expect((await read(callers.editorB)).feedback.rows.map((r) => [r.code, r.ratings + r.suggestions, r.pending])).toEqual([[DONE, 3, 0], [UNDERWAY, 1, 0]]);
	});
});
