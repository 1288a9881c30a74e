import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCaller } from '../../src/lib/server/db/roles';
import type { Queryable } from '../../src/lib/server/db/types';
import { backends, openSeeded, type Scratch } from './backends';
import { addFixture, COMMUNITY, PROJECT, USER } from './matrix/fixture';
import { callerOf } from './matrix/subjects';

// Residents' feedback (issue 9, 共谋共建共管共评): submitted by the public through
// private.submit_feedback, public only once moderated, suggestions before completion and
// ratings after, and a per-client rate limit. Acts on the matrix fixture's published
// communities MX-A (sub-district A) and MX-B (B), both in preparation.

type Who = 'anon' | 'editorA' | 'editorB' | 'planner' | 'leader';

/** A client key as the server makes them (an HMAC in hex); any 64 hex digits will do here. */
const key = (name: string) => createHash('sha256').update(name).digest('hex');

function codeOf(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

describe.each(backends)('residents’ feedback on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addFixture(scratch.db);
	});
	afterAll(() => scratch?.dispose());

	const as = <T>(who: Who, fn: (tx: Queryable) => Promise<T>) => asCaller(scratch.db, callerOf(who), fn);

	const submit = (client: string, community: string, kind: string, rating: number | null, comment: string | null) =>
		as('anon', async (tx) => {
			const [row] = await tx.query<{ id: string }>('select private.submit_feedback($1, $2, $3, $4, $5) as id', [client, community, kind, rating, comment]);
			return row.id;
		});

	/** The error a submission raised: its code, detail and hint. */
	const refusal = (client: string, community: string, kind: string, rating: number | null, comment: string | null) =>
		submit(client, community, kind, rating, comment).then(
			() => ({ code: 'none', detail: undefined, hint: undefined }),
			(error: { code?: string; detail?: string; hint?: string }) => ({ code: error.code, detail: error.detail, hint: error.hint })
		);

	const publicIds = (who: Who = 'anon') =>
		as(who, async (tx) => (await tx.query<{ id: string }>('select id from public.published_feedback order by id')).map((r) => r.id));

	const setStage = (place: 'A' | 'B', stage: string) =>
		scratch.db.query('update public.renovation_projects set stage = $2 where id = $1', [PROJECT[place], stage]);

	it('keeps a suggestion from the public until a planner approves it, and records who did', async () => {
		const id = await submit(key('approve'), 'MX-A', 'suggestion', null, '  希望增加非机动车充电车棚  ');
		expect(await publicIds()).not.toContain(id);
		expect(await as('anon', (tx) => tx.query('select id from public.feedback where id = $1', [id]))).toEqual([]);
		expect(await as('leader', (tx) => tx.query('select status, comment from public.feedback where id = $1', [id]))).toEqual([
			{ status: 'pending', comment: '希望增加非机动车充电车棚' }
		]);

		const updated = await as('planner', (tx) => tx.query(`update public.feedback set status = 'approved' where id = $1 returning id`, [id]));
		expect(updated).toHaveLength(1);
		expect(await publicIds()).toContain(id);
		const [row] = await scratch.db.query<{ moderated_by: string; moderated: boolean }>(
			'select moderated_by, moderated_at is not null as moderated from public.feedback where id = $1',
			[id]
		);
		expect(row).toEqual({ moderated_by: USER.planner, moderated: true });
		const audit = await scratch.db.query<{ actor_name: string; new_values: { status: string } }>(
			`select actor_name, new_values from public.audit_log where table_name = 'feedback' and row_id = $1`,
			[id]
		);
		expect(audit).toMatchObject([{ actor_name: '住建局规划', new_values: { status: 'approved' } }]);
	});

	it('lets the community’s editor moderate, but not an editor of another sub-district nor a leader', async () => {
		const id = await submit(key('editors'), 'MX-A', 'suggestion', null, '楼道灯坏了');
		const tryApprove = (who: Who) =>
			as(who, (tx) => tx.query(`update public.feedback set status = 'approved' where id = $1 returning id`, [id]).then((r) => r.length));
		expect(await tryApprove('editorB')).toBe(0);
		expect(await tryApprove('leader')).toBe(0);
		expect(await publicIds()).not.toContain(id);
		expect(await tryApprove('editorA')).toBe(1);
		expect(await publicIds()).toContain(id);
	});

	it('lets staff change the status only, never the resident’s words', async () => {
		const id = await submit(key('words'), 'MX-A', 'suggestion', null, '原话');
		const rewrite = as('planner', (tx) => tx.query(`update public.feedback set comment = '改写' where id = $1`, [id]));
		await expect(rewrite).rejects.toMatchObject({ code: '42501' });
	});

	it('takes suggestions before completion and ratings after, never the other way round', async () => {
		expect(await refusal(key('stage'), 'MX-B', 'rating', 4, '很好')).toMatchObject({ code: '55000', hint: 'feedback_ratings_not_open' });
		await setStage('B', 'acceptance');
		try {
			expect(await refusal(key('stage'), 'MX-B', 'suggestion', null, '还想要电梯')).toMatchObject({
				code: '55000',
				hint: 'feedback_suggestions_closed'
			});
			const id = await submit(key('stage'), 'MX-B', 'rating', 5, null);
			const [row] = await scratch.db.query('select kind, rating, comment from public.feedback where id = $1', [id]);
			expect(row).toEqual({ kind: 'rating', rating: 5, comment: null });
		} finally {
			await setStage('B', 'preparation');
		}
	});

	it('refuses what is not feedback: blank or overlong words, a rating out of range, an unpublished community, a raw address', async () => {
		const client = key('invalid');
		expect((await refusal(client, 'MX-A', 'suggestion', null, '   ')).code).toBe('23514');
		expect((await refusal(client, 'MX-A', 'suggestion', null, '\n\u3000 \t')).code).toBe('23514');
		expect((await refusal(client, 'MX-A', 'suggestion', null, '长'.repeat(501))).code).toBe('23514');
		expect((await refusal(client, 'MX-A', 'opinion', null, '随便')).code).toBe('22023');
		expect((await refusal(client, 'MX-A-draft', 'suggestion', null, '草稿小区')).code).toBe('P0002');
		expect((await refusal('127.0.0.1', 'MX-A', 'suggestion', null, '地址不是密钥')).code).toBe('22023');
		await setStage('A', 'archived');
		try {
			expect((await refusal(client, 'MX-A', 'rating', 6, null)).code).toBe('23514');
		} finally {
			await setStage('A', 'preparation');
		}
		// None of them counted against the client.
		expect(await submit(client, 'MX-A', 'suggestion', null, '有效建议')).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('answers the fourth submission within ten minutes with the rate limit’s own error, another client not', async () => {
		const client = key('burst');
		for (let n = 1; n <= 3; n++) await submit(client, 'MX-A', 'suggestion', null, `第${n}条`);
		const limited = await refusal(client, 'MX-A', 'suggestion', null, '第4条');
		expect(limited.code).toBe('PT429');
		expect(Number(limited.detail)).toBeGreaterThan(0);
		expect(Number(limited.detail)).toBeLessThanOrEqual(600);
		expect(await submit(key('someone else'), 'MX-A', 'suggestion', null, '别人的')).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('allows twenty a day per client, and says to wait until the oldest is a day old', async () => {
		const client = key('daily');
		await scratch.db.query(
			`insert into private.feedback_clients (client_key, submitted_at)
			 select $1, now() - interval '23 hours' + n * interval '1 minute' from generate_series(0, 19) n`,
			[client]
		);
		const limited = await refusal(client, 'MX-A', 'suggestion', null, '第21条');
		expect(limited.code).toBe('PT429');
		expect(Math.abs(Number(limited.detail) - 3600)).toBeLessThan(30);
	});

	it('forgets clients after a day', async () => {
		const client = key('yesterday');
		await scratch.db.query(`insert into private.feedback_clients (client_key, submitted_at) values ($1, now() - interval '25 hours')`, [client]);
		await submit(key('anyone'), 'MX-A', 'suggestion', null, '触发清理');
		expect(await scratch.db.query('select 1 from private.feedback_clients where client_key = $1', [client])).toEqual([]);
	});

	it('lets the public read neither the rate limit’s table, nor pending rows, nor who moderated', async () => {
		const denied = async (sql: string) => codeOf(await as('anon', (tx) => tx.query(sql)).catch((e: unknown) => e));
		expect(await denied('select * from private.feedback_clients')).toBe('42501');
		expect(await denied('select moderated_by from public.feedback')).toBe('42501');
		expect(await denied('select created_at from public.feedback')).toBe('42501');
		expect(await denied('select pending from public.feedback_summary')).toBe('42501');
		expect(await denied(`insert into public.feedback (community_id, kind, comment) values ('${COMMUNITY.A}', 'suggestion', 'x')`)).toBe('42501');
		const statuses = await as('anon', (tx) => tx.query<{ status: string }>('select distinct status from public.feedback'));
		expect(statuses).toEqual([{ status: 'approved' }]);
	});

	it('sums approved feedback per community: counts and average satisfaction for all, pending for staff', async () => {
		await setStage('B', 'acceptance');
		try {
			const ids = [await submit(key('sum1'), 'MX-B', 'rating', 5, '满意'), await submit(key('sum2'), 'MX-B', 'rating', 4, null)];
			await submit(key('sum3'), 'MX-B', 'rating', 1, '不满意');
			await as('planner', (tx) => tx.query(`update public.feedback set status = 'approved' where id = any($1::uuid[])`, [`{${ids.join(',')}}`]));
			const publicRow = await as('anon', (tx) =>
				tx.query('select suggestions, ratings, average_rating::float as average from public.feedback_summary where community_id = $1', [COMMUNITY.B])
			);
			expect(publicRow).toEqual([{ suggestions: 0, ratings: 2, average: 4.5 }]);
			const staffRow = await as('leader', (tx) =>
				tx.query('select ratings, pending from public.feedback_summary where community_id = $1', [COMMUNITY.B])
			);
			// The one just left pending, and what earlier cases left there.
			const [{ pending }] = await scratch.db.query<{ pending: number }>(
				`select count(*)::int as pending from public.feedback where community_id = $1 and status = 'pending'`,
				[COMMUNITY.B]
			);
			expect(pending).toBeGreaterThanOrEqual(1);
			expect(staffRow).toEqual([{ ratings: 2, pending }]);
		} finally {
			await setStage('B', 'preparation');
		}
	});
});
