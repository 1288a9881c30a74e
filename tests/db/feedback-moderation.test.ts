import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPending, moderateFeedback } from '../../src/lib/server/feedback/moderate';
import { readCommunityFeedback } from '../../src/lib/server/feedback/read';
import { submitFeedback } from '../../src/lib/server/feedback/submit';
import { backends, openSeeded, type Scratch } from './backends';
import { addFixture } from './matrix/fixture';
import { callerOf } from './matrix/subjects';

// The server modules of residents' feedback (src/lib/server/feedback) on the matrix
// fixture: what each role gets from the moderation list and its decisions, and what the
// public page reads.
describe.each(backends)('the feedback modules on $name', (backend) => {
	let scratch: Scratch;
	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addFixture(scratch.db);
	});
	afterAll(() => scratch?.dispose());

	const key = (name: string) => createHash('sha256').update(name).digest('hex');
	const submit = async (comment: string, community = 'MX-A') => {
		const outcome = await submitFeedback(callerOf('anon'), { community, kind: 'suggestion', comment }, key(comment), scratch.db);
		if (!outcome.ok) throw new Error(JSON.stringify(outcome.refusal));
		return outcome.value.id;
	};

	it('lists pending feedback by role: the bureau all, an editor their own, the public nothing', async () => {
		const inA = await submit('A 的建议');
		const inB = await submit('B 的建议', 'MX-B');
		const ids = async (who: 'planner' | 'leader' | 'editorA' | 'editorB') => {
			const outcome = await listPending(callerOf(who), null, scratch.db);
			if (!outcome.ok) throw new Error(outcome.refusal.kind);
			return outcome.value.items.map((i) => i.id).filter((id) => id === inA || id === inB);
		};
		expect((await ids('planner')).sort()).toEqual([inA, inB].sort());
		expect((await ids('leader')).sort()).toEqual([inA, inB].sort());
		expect(await ids('editorA')).toEqual([inA]);
		expect(await ids('editorB')).toEqual([inB]);
		expect(await listPending(callerOf('anon'), null, scratch.db)).toEqual({ ok: false, refusal: { kind: 'forbidden', reason: 'sign_in' } });
		const filtered = await listPending(callerOf('planner'), 'MX-B', scratch.db);
		expect(filtered.ok && filtered.value.items.map((i) => i.communityCode)).toEqual(['MX-B']);
	});

	it('refuses a decision outside the editor’s sub-districts, a leader’s, and a second one', async () => {
		const id = await submit('楼道扶手松了');
		// Another sub-district's pending feedback is not even there for its editor.
		expect(await moderateFeedback(callerOf('editorB'), id, 'approved', scratch.db)).toEqual({ ok: false, refusal: { kind: 'not_found' } });
		expect(await moderateFeedback(callerOf('leader'), id, 'approved', scratch.db)).toEqual({
			ok: false,
			refusal: { kind: 'forbidden', reason: 'read_only_role' }
		});
		expect(await moderateFeedback(callerOf('editorA'), id, 'approved', scratch.db)).toEqual({ ok: true, value: { id, status: 'approved' } });
		expect(await moderateFeedback(callerOf('planner'), id, 'rejected', scratch.db)).toEqual({
			ok: false,
			refusal: { kind: 'invalid', fields: { _form: { key: 'feedback.moderation.already' } } }
		});
		expect(await moderateFeedback(callerOf('planner'), id, 'deleted', scratch.db)).toMatchObject({ ok: false, refusal: { kind: 'invalid' } });
		const page = await readCommunityFeedback(callerOf('anon'), 'MX-A', scratch.db);
		expect(page?.items.map((i) => i.comment)).toContain('楼道扶手松了');
		expect(page?.summary.suggestions).toBeGreaterThanOrEqual(1);
	});

	it('reads nothing for an unpublished community', async () => {
		expect(await readCommunityFeedback(callerOf('anon'), 'MX-A-draft', scratch.db)).toBeNull();
	});
});
