import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorLabel, describeEntry, type HistoryEntry } from '../../src/lib/domain/history';
import type { Locale } from '../../src/lib/i18n';
import { readCommunityFacts, saveCommunityFacts } from '../../src/lib/server/communities/facts';
import { setPublication } from '../../src/lib/server/communities/publication';
import { loadHistory } from '../../src/lib/server/history';
import { translate } from '../../src/lib/server/i18n';
import { readProjectProgress, saveProjectProgress } from '../../src/lib/server/projects/progress';
import type { Outcome } from '../../src/lib/server/writes/outcome';
import { backends, openSeeded, type Scratch } from './backends';
import { addStaff, callers, communityId, IN_A, IN_B, names } from './staff-fixture';

function ok<T>(outcome: Outcome<T>): T {
	if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
	return outcome.value;
}

const inPlainWords = (entry: HistoryEntry, lang: Locale) => ({
	who: actorLabel(entry.actor, (key, values) => translate(lang, key, values)),
	what: describeEntry(entry, (key, values) => translate(lang, key, values), lang)
});

describe.each(backends)('history on $name', (backend) => {
	let scratch: Scratch;
	let a: string;
	let b: string;
	let households: number;
	let management: 'none' | 'simple';
	let buildings: number;

	beforeAll(async () => {
		scratch = await openSeeded(backend);
		await addStaff(scratch.db);
		a = await communityId(scratch.db, IN_A.code);
		b = await communityId(scratch.db, IN_B.code);
		[{ n: buildings }] = await scratch.db.query<{ n: number }>(`select count(*)::int as n from public.buildings where community_id = $1`, [a]);

		// Three transactions after the demo data: facts by the editor, progress by the planner,
		// and a new boundary drawn by the bureau's GIS staff (as the owner, outside the app).
		const facts = ok(await readCommunityFacts(callers.editorA, a, scratch.db));
		households = facts.values.households;
		management = facts.values.propertyManagement === 'simple' ? 'none' : 'simple';
		ok(await saveCommunityFacts(callers.editorA, a, { version: facts.version, seen: facts.seen, values: { ...facts.values, households: households + 12, propertyManagement: management, mostlySelfBuilt: true } }, scratch.db));
		const progress = ok(await readProjectProgress(callers.planner, a, scratch.db));
		const values = structuredClone(progress.values);
		values.milestones.archived.plannedOn = '2032-01-01';
		values.milestones.acceptance.plannedOn = '2031-01-01';
		values.replanReason = '竣工验收推迟';
		ok(await saveProjectProgress(callers.planner, a, { version: progress.version, seen: progress.seen, values }, scratch.db));
		await scratch.db.query(`update public.communities set boundary = extensions.st_multi(extensions.st_buffer(extensions.st_geometryn(boundary, 1), 0.00001)) where id = $1`, [a]);
	});
	afterAll(() => scratch?.dispose());

	it('groups the record by transaction, newest first, naming who made each', async () => {
		const { entries } = ok(await loadHistory(callers.editorA, a, {}, scratch.db));
		// Newest first: the three edits above, then the demo's backdated story, by nobody.
		const who = entries.map((e) => e.actor?.name ?? null);
		expect(who.slice(0, 3)).toEqual([null, names.planner, names.editorA]);
		expect(who.length).toBeGreaterThan(4);
		expect(who.slice(3).every((name) => name === null)).toBe(true);
		// The planner's save: the project's version moved and two milestones changed, one entry.
		expect(entries[1].changes.map((c) => [c.table, c.subject])).toEqual([
			['project_milestones', 'acceptance'],
			['project_milestones', 'archived']
		]);
		expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((x, y) => y - x));
	});

	it('tells each change in plain Chinese: fields by their labels, values by their names', async () => {
		const { entries } = ok(await loadHistory(callers.editorA, a, { limit: 1000 }, scratch.db));
		const [boundary, progress, facts] = entries.map((e) => inPlainWords(e, 'zh-CN'));
		const [opened, surveyed] = entries.slice(-2).map((e) => inPlainWords(e, 'zh-CN'));
		const format = new Intl.NumberFormat('zh-CN');
		expect(facts.who).toBe(`${names.editorA}（镇办）`);
		expect(facts.what).toEqual(
			expect.arrayContaining([
				`户数：${format.format(households)} → ${format.format(households + 12)}`,
				'以居民自建自住房为主：否 → 是',
				'符合界定标准（硬性条件）：是 → 否'
			])
		);
		expect(facts.what.some((line) => line.startsWith('物业管理：') && line.endsWith(`→ ${management === 'none' ? '无物业' : '简易物业'}`))).toBe(true);
		expect(progress.who).toBe(`${names.planner}（区住建局）`);
		expect(progress.what).toEqual([expect.stringMatching(/^工程验收 · 计划日期：\d{4}-\d\d-\d\d → 2031-01-01$/), expect.stringMatching(/^决算归档 · 计划日期：.* → 2032-01-01$/)]);
		expect(boundary).toEqual({ who: '系统', what: ['小区边界已修改（图形）'] });
		// The demo's story begins with the survey, then the project opens with its milestones.
		expect(surveyed).toEqual({ who: '系统', what: [`新建：小区档案、${buildings} 栋楼`] });
		expect(opened).toEqual({ who: '系统', what: ['新建：改造项目、6 个进度节点'] });
	});

	it('tells it in English too', async () => {
		const { entries } = ok(await loadHistory(callers.planner, a, { limit: 1000 }, scratch.db));
		const [boundary, progress] = entries.map((e) => inPlainWords(e, 'en'));
		const surveyed = inPlainWords(entries.at(-1)!, 'en');
		expect(boundary).toEqual({ who: 'System', what: ['Boundary changed (geometry)'] });
		expect(progress.who).toBe(`${names.planner} (housing bureau)`);
		expect(progress.what[0]).toMatch(/^Acceptance · Planned: .+ → 2031-01-01$/);
		expect(surveyed.what).toEqual([`Added: the community record, ${buildings} buildings`]);
	});

	it('never dumps a geometry', async () => {
		const { entries } = ok(await loadHistory(callers.planner, a, {}, scratch.db));
		expect(entries[0].changes[0].fields).toEqual([{ column: 'boundary', from: null, to: null, geometry: true }]);
		expect(JSON.stringify(entries)).not.toMatch(/0106000020E6|MultiPolygon|coordinates/i);
	});

	it('pages back through older entries', async () => {
		const first = ok(await loadHistory(callers.leader, a, { limit: 2 }, scratch.db));
		expect(first.entries).toHaveLength(2);
		expect(first.before).toBe(first.entries[1].id);
		const rest = ok(await loadHistory(callers.leader, a, { limit: 2, before: first.before ?? undefined }, scratch.db));
		expect(rest.entries.map((e) => e.actor?.name ?? null)).toEqual([names.editorA, null]);
		// Paging on to the end gives, page by page, the whole record once.
		const all = ok(await loadHistory(callers.leader, a, { limit: 1000 }, scratch.db));
		const paged = [...first.entries, ...rest.entries];
		let before = rest.before;
		while (before !== null) {
			const page = ok(await loadHistory(callers.leader, a, { limit: 2, before }, scratch.db));
			paged.push(...page.entries);
			before = page.before;
		}
		expect(paged.map((e) => e.id)).toEqual(all.entries.map((e) => e.id));
	});

	it('is for staff with the right to read it: 403 for the public, a user without a role and an editor elsewhere', async () => {
		expect(ok(await loadHistory(callers.leader, b, {}, scratch.db)).entries.length).toBeGreaterThan(0);
		expect(ok(await loadHistory(callers.editorB, b, {}, scratch.db)).entries.length).toBeGreaterThan(0);
		expect(await loadHistory(callers.anon, a, {}, scratch.db)).toEqual({ ok: false, refusal: { kind: 'forbidden', reason: 'sign_in' } });
		expect(await loadHistory(callers.noRole, a, {}, scratch.db)).toEqual({ ok: false, refusal: { kind: 'forbidden', reason: 'read_only_role' } });
		expect(await loadHistory(callers.editorB, a, {}, scratch.db)).toEqual({ ok: false, refusal: { kind: 'forbidden', reason: 'outside_subdistricts' } });
	});

	it('answers 404 for a community the caller cannot see', async () => {
		ok(await setPublication(callers.planner, b, { published: false }, scratch.db));
		try {
			expect(await loadHistory(callers.anon, b, {}, scratch.db)).toEqual({ ok: false, refusal: { kind: 'not_found' } });
			expect(await loadHistory(callers.editorA, b, {}, scratch.db)).toEqual({ ok: false, refusal: { kind: 'not_found' } });
			expect(await loadHistory(callers.planner, 'not-a-uuid', {}, scratch.db)).toEqual({ ok: false, refusal: { kind: 'not_found' } });
		} finally {
			ok(await setPublication(callers.planner, b, { published: true }, scratch.db));
		}
	});
});
