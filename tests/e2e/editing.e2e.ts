import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asCaller, type Caller } from '../../src/lib/server/db/roles';
import type { Feature, MultiPolygon } from 'geojson';
import type { CommunityProps } from '../../src/lib/domain/types';
import { fetchAtlas, pointsInside } from './harness/atlas';
import { ADMIN, addMember, EDITOR, ELSEWHERE, NEW_COMMUNITY, openOwnerAndApp, PLANNER, type Member } from './harness/editing';
import { clickablePoint, openAtlas, renderedIds, renderedProperties } from './harness/map';
import { answerTo, StaffSession } from './harness/session';

// The whole path of an edit, as its users take it in Chromium: the admin adds the staff, an
// editor changes a community of its sub-district that the public does not see yet, cannot
// change one elsewhere, two saves collide, and the public sees the change once the bureau
// publishes it. It writes, so it runs its own app on a database of its own.
describe('editing, from sign-in to publication', () => {
	let session: StaffSession;
	const pageOf = (member?: Member | typeof ADMIN) => session.pageOf(member);

	const PANEL = '[data-testid=detail-panel]';
	/** Two pages drawing maps with software WebGL on two busy cores take their time. */
	const TWO_MAPS_MS = 120_000;
	const selected = (code: string) => `?sel=community:${code}`;
	const lines = (text: string) => text.split('\n').filter((line) => line.trim());

	async function openEditForm(page: Page, button: '编辑小区信息' | '编辑改造进度') {
		await page.locator(PANEL).locator('[data-testid=staff-tools]').getByRole('button', { name: button, exact: true }).click();
		const form = page.locator(`${PANEL} [data-testid=edit-form]`);
		await form.locator('button[type=submit]').waitFor(); // shown once the row has loaded
		return form;
	}

	async function publicAtlasFeature(code: string): Promise<Feature<MultiPolygon, CommunityProps> | undefined> {
		return (await fetchAtlas(session.stage.app.url)).communities.features.find((f) => f.properties.code === code);
	}

	beforeAll(async () => {
		session = await StaffSession.start('editing');
	}, 240_000);

	beforeEach(({ task }) => session.watch(task));

	afterAll(() => session?.close());

	it('lets the admin add an editor for 体育场街道 and a planner in /admin/users', async () => {
		const page = await pageOf(ADMIN);
		for (const member of [EDITOR, PLANNER]) session.remember(member, await addMember(page, member));
		const row = (m: Member) => page.locator(`[data-testid=member-row][data-email="${m.email}"]`).innerText();
		expect(await row(EDITOR)).toMatch(/王芳.*街道\/镇办（编辑）.*体育场街道.*正常/s);
		expect(await row(PLANNER)).toMatch(/李建国.*区住建局（规划）.*正常/s);
	});

	it('lets the editor change the facts and progress of its community, each save on the timeline', async () => {
		const page = await pageOf(EDITOR);
		const { communityId } = session.stage;
		await openAtlas(page, selected(NEW_COMMUNITY.code));
		const panel = page.locator(PANEL);
		await expect.poll(() => panel.innerText()).toContain(NEW_COMMUNITY.name);

		let form = await openEditForm(page, '编辑小区信息');
		expect(await form.locator('input[name=households]').inputValue()).toBe(String(NEW_COMMUNITY.households));
		await form.locator('input[name=households]').fill('112');
		await form.locator('select[name=propertyManagement]').selectOption('simple');
		let saved = answerTo(page, 'PUT', `/api/communities/${communityId}/facts`);
		await form.getByRole('button', { name: '保存', exact: true }).click();
		expect((await saved).status()).toBe(200);
		await form.waitFor({ state: 'detached' });
		await expect.poll(() => panel.innerText()).toMatch(/户数\s+112/);
		expect(await panel.innerText()).toMatch(/物业管理\s+简易物业/);
		// Back to the tools, which hold no publication switch: that is the bureau's.
		await panel.getByRole('button', { name: '编辑改造进度', exact: true }).waitFor();
		expect(await panel.locator('[data-testid=publication]').count()).toBe(0);

		// The map shows the stage it loaded with; the progress saved below must reach it without a reload.
		await expect.poll(() => renderedProperties(page, 'communities-fill', communityId)).toMatchObject({ stage: 'approval', households: 112 });
		await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

		form = await openEditForm(page, '编辑改造进度');
		expect(await form.locator('select[name=stage]').inputValue()).toBe('approval');
		await form.locator('select[name=stage]').selectOption('tendering');
		await form.locator('input[name="tendering.actualOn"]').fill('2025-06-12');
		await form.locator('input[name="construction.plannedOn"]').fill('2025-09-01');
		await form.locator('input[name=statusAsOf]').fill('2025-06-20');
		// A planned date moved: the form asks why before it sends anything.
		const sent: string[] = [];
		const count = (r: Request) => void (r.method() === 'PUT' && sent.push(r.url()));
		page.on('request', count);
		await form.getByRole('button', { name: '保存', exact: true }).click();
		await expect.poll(() => form.innerText()).toContain('计划日期有调整，请写明理由');
		page.off('request', count);
		expect(sent).toEqual([]);
		expect(await form.innerText()).toContain('调整计划日期的理由（工程实施）');
		await form.locator('textarea[name=replanReason]').fill('招标延后，开工顺延一个月');
		saved = answerTo(page, 'PUT', `/api/communities/${communityId}/progress`);
		await form.getByRole('button', { name: '保存', exact: true }).click();
		expect((await saved).status()).toBe(200);
		await form.waitFor({ state: 'detached' });
		await expect.poll(() => panel.innerText()).toMatch(/当前进度:\s*招投标\s*\(进度日期 2025-06-20\)/);
		expect(await panel.innerText()).toMatch(/招投标\s+✓ 2025-06-12/);
		expect(await panel.innerText()).toMatch(/工程实施\s+计划 2025-09-01/);
		await expect.poll(() => renderedProperties(page, 'communities-fill', communityId)).toMatchObject({ stage: 'tendering', statusAsOf: '2025-06-20' });
		expect(await page.evaluate(() => '__sameDocument' in window), 'the same document, not reloaded').toBe(true);

		await panel.getByRole('button', { name: '查看修改历史' }).click();
		const entries = panel.locator('[data-testid=history] ol > li');
		await expect.poll(() => entries.count()).toBe(3);
		const [progress, facts, created] = await entries.allInnerTexts();
		expect(progress).toMatch(/^王芳（镇办） · /);
		expect(lines(progress).slice(1)).toEqual([
			'进度阶段：立项 → 招投标',
			'进度日期：2025-04-18 → 2025-06-20',
			'招投标 · 实际日期：（空） → 2025-06-12',
			'工程实施 · 计划日期：2025-08-01 → 2025-09-01'
		]);
		expect(facts).toMatch(/^王芳（镇办） · /);
		expect(lines(facts).slice(1)).toEqual(['户数：108 → 112', '物业管理：无物业 → 简易物业']);
		expect(lines(created)).toEqual([expect.stringMatching(/^系统 · /), '新建：小区档案、改造项目、3 栋楼、6 个进度节点']);
	});

	it('gives the editor no edit control over a community elsewhere, and the server refuses a forged save (403)', async () => {
		const page = await pageOf(EDITOR);
		const elsewhere = await publicAtlasFeature(ELSEWHERE.code);
		if (!elsewhere) throw new Error(`${ELSEWHERE.code} is not in the public atlas`);
		const { id } = elsewhere.properties;
		expect(elsewhere.properties.subdistrictCode).not.toBe(EDITOR.subdistricts[0]);

		// The editor's own community is open, with its tools, and the map shows the other one.
		const [lng, lat] = pointsInside(elsewhere)[0];
		await openAtlas(page, `${selected(NEW_COMMUNITY.code)}&c=${lng.toFixed(5)},${lat.toFixed(5)}&z=16`);
		const panel = page.locator(PANEL);
		await panel.getByRole('button', { name: '编辑小区信息', exact: true }).waitFor();
		const at = await clickablePoint(page, id, pointsInside(elsewhere));
		expect(at, `a clickable spot inside ${ELSEWHERE.code}`).not.toBeNull();
		await page.mouse.click(at!.x, at!.y);
		await expect.poll(() => panel.innerText()).toContain(ELSEWHERE.name);
		expect(await panel.locator('[data-testid=staff-tools]').count()).toBe(0);
		expect(await panel.locator('button', { hasText: '编辑' }).count()).toBe(0);

		// The same request the form would send, with the editor's cookie.
		for (const part of ['facts', 'progress']) {
			const path = `/api/communities/${id}/${part}`;
			const before = await (await page.request.get(path)).json();
			expect(before.rights).toMatchObject({ facts: false, progress: false });
			const values = part === 'facts' ? { ...before.values, households: before.values.households + 1 } : { ...before.values, statusAsOf: '2025-06-20' };
			const forged = await page.request.put(path, {
				data: { version: before.version, seen: before.seen, values },
				headers: { origin: session.stage.app.url }
			});
			expect(forged.status(), path).toBe(403);
			expect(await forged.json()).toMatchObject({ error: 'forbidden', reason: 'outside_subdistricts', message: '此小区不在您负责的街道/镇，不能修改。' });
			const after = await (await page.request.get(path)).json();
			expect({ version: after.version, values: after.values }).toEqual({ version: before.version, values: before.values });
		}
		// Nor may an editor publish, even its own community.
		const publish = await page.request.post(`/api/communities/${session.stage.communityId}/publication`, {
			data: { published: true },
			headers: { origin: session.stage.app.url }
		});
		expect(publish.status()).toBe(403);
	});

	it('tells the second of two saves from the same version who changed what, and keeps its input', async () => {
		const [editor, planner] = [await pageOf(EDITOR), await pageOf(PLANNER)];
		const forms = [];
		for (const page of [editor, planner]) {
			await openAtlas(page, selected(NEW_COMMUNITY.code));
			const form = await openEditForm(page, '编辑小区信息');
			expect(await form.locator('input[name=residents]').inputValue()).toBe(String(NEW_COMMUNITY.residents));
			forms.push(form);
		}
		const [editorForm, plannerForm] = forms;
		const path = `/api/communities/${session.stage.communityId}/facts`;

		await editorForm.locator('input[name=residents]').fill('296');
		const first = answerTo(editor, 'PUT', path);
		await editorForm.getByRole('button', { name: '保存', exact: true }).click();
		expect((await first).status()).toBe(200);

		await plannerForm.locator('input[name=residentsSupportPct]').fill('96');
		const second = answerTo(planner, 'PUT', path);
		await plannerForm.getByRole('button', { name: '保存', exact: true }).click();
		expect((await second).status()).toBe(409);
		const notice = plannerForm.locator('[data-testid=conflict]');
		await notice.waitFor();
		expect(lines(await notice.innerText())).toEqual([
			'未保存：您打开表单后，此记录已被修改',
			expect.stringMatching(/^王芳（镇办） · /),
			'居民人数：290 → 296',
			'您的输入仍保留在表单中。',
			'载入最新数据（放弃我的输入）',
			'保留我改动的字段，其余用最新数据'
		]);
		expect(await plannerForm.locator('input[name=residentsSupportPct]').inputValue()).toBe('96');
		expect(await plannerForm.locator('input[name=residents]').inputValue()).toBe('290');

		// Keeping one's own change takes the editor's on board, and saves over it.
		await notice.getByRole('button', { name: '保留我改动的字段，其余用最新数据' }).click();
		expect(await plannerForm.locator('input[name=residents]').inputValue()).toBe('296');
		expect(await plannerForm.locator('input[name=residentsSupportPct]').inputValue()).toBe('96');
		const third = answerTo(planner, 'PUT', path);
		await plannerForm.getByRole('button', { name: '保存', exact: true }).click();
		expect((await third).status()).toBe(200);
		await plannerForm.waitFor({ state: 'detached' });
		await expect.poll(() => planner.locator(PANEL).innerText()).toMatch(/居民人数\s+296/);
	}, TWO_MAPS_MS);

	it('shows the public the community only once the planner publishes it, with the editor’s values', async () => {
		const { communityId } = session.stage;
		const visitor = await pageOf();
		const [lng, lat] = NEW_COMMUNITY.centre;
		// Wide enough to hold 玻璃制品厂家属院 too, 600 m west, as a sign that the map has drawn.
		const view = `?c=${lng},${lat}&z=15`;
		const neighbour = await publicAtlasFeature('ZD-2020-01');
		if (!neighbour) throw new Error('ZD-2020-01 is not in the public atlas');

		expect(await publicAtlasFeature(NEW_COMMUNITY.code)).toBeUndefined();
		expect((await visitor.request.get(`/api/communities/${communityId}/facts`)).status()).toBe(404);
		await openAtlas(visitor, view);
		await expect.poll(() => renderedIds(visitor, 'communities-fill')).toContain(neighbour.properties.id);
		expect(await renderedIds(visitor, 'communities-fill')).not.toContain(communityId);

		const planner = await pageOf(PLANNER);
		await openAtlas(planner, selected(NEW_COMMUNITY.code));
		const publication = planner.locator(`${PANEL} [data-testid=publication]`);
		await expect.poll(() => publication.innerText()).toMatch(/^未发布：仅工作人员可见\s+发布$/);
		const published = answerTo(planner, 'POST', `/api/communities/${communityId}/publication`);
		await publication.getByRole('button', { name: '发布', exact: true }).click();
		expect((await published).status()).toBe(200);
		await expect.poll(() => publication.innerText()).toMatch(/^已发布：公众地图可见\s+取消发布$/);

		const feature = await publicAtlasFeature(NEW_COMMUNITY.code);
		expect(feature?.properties).toMatchObject({
			id: communityId,
			households: 112,
			residents: 296,
			propertyManagement: 'simple',
			stage: 'tendering',
			statusAsOf: '2025-06-20'
		});
		await openAtlas(visitor, `${view}&sel=community:${NEW_COMMUNITY.code}`);
		await expect.poll(() => renderedIds(visitor, 'communities-fill')).toContain(communityId);
		const panel = visitor.locator(PANEL);
		await expect.poll(() => panel.innerText()).toContain(NEW_COMMUNITY.name);
		expect(await panel.innerText()).toMatch(/户数\s+112/);
		expect(await panel.innerText()).toMatch(/当前进度:\s*招投标/);
		// The public still gets no staff tools, and no record.
		expect(await panel.locator('[data-testid=staff-tools]').count()).toBe(0);
		expect((await visitor.request.get(`/api/communities/${communityId}/history`)).status()).toBe(403);
	}, TWO_MAPS_MS);

	// Last, because on embedded PGlite the app holds the database folder while it runs.
	it('and the database itself, asked as the editor, changes nothing elsewhere', async () => {
		await session.stage.app.stop();
		const { owner, app, close } = await openOwnerAndApp(session.stage.database);
		try {
			// The editor's claims, from its staff row as the server builds them at sign-in.
			const [member] = await owner.query<{ user_id: string; subdistricts: string[] }>(
				`select user_id, subdistricts from public.staff where email = $1 and app_role = 'editor'`,
				[EDITOR.email]
			);
			const editor: Caller = { role: 'authenticated', userId: member.user_id, appRole: 'editor', subdistricts: member.subdistricts };
			expect(editor.subdistricts).toEqual(EDITOR.subdistricts);
			const state = (code: string) =>
				owner.query<{ id: string; households: number; version: number; entries: number }>(
					`select c.id, c.households, c.version, (select count(*)::int from public.audit_log a where a.community_id = c.id) as entries
					 from public.communities c where c.code = $1`,
					[code]
				);
			const [before] = await state(ELSEWHERE.code);
			const update = (id: string) =>
				asCaller(app, editor, (tx) =>
					tx.query<{ households: number }>(`update public.communities set households = households + 1 where id = $1 returning households`, [id])
				);

			// The same statement changes the editor's own community: it is the policy that stops it elsewhere.
			expect(await update(session.stage.communityId)).toEqual([{ households: 113 }]);
			expect(await update(before.id)).toEqual([]);
			expect((await state(ELSEWHERE.code))[0]).toEqual(before);
		} finally {
			await close();
		}
	});
});
