import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/browser';
import { ADMIN, addMember, NEW_COMMUNITY, newPage, PLANNER, signIn, startEditingStage, type EditingStage } from './harness/editing';
import { openAtlas } from './harness/map';
import type { Atlas } from '../../src/lib/domain/types';

// A planner re-plans a milestone with a reason, in Chromium, and reads original against
// current plan and the delay in the community's panel. It writes, so it runs its own app
// on a database of its own (the editing stage: NEW_COMMUNITY, at approval on 2025-04-18,
// its approval done on 2025-04-15 against a plan of 2025-04-10).
describe('re-planning a milestone, and the annual cycle', () => {
	let stage: EditingStage;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	const PANEL = '[data-testid=detail-panel]';
	let plannerPassword = '';

	async function pageOf(account: { email: string; password: string }): Promise<Page> {
		const { context, page } = await newPage(browser, stage.app.url);
		contexts.push(context);
		await signIn(page, account);
		return page;
	}

	beforeAll(async () => {
		stage = await startEditingStage();
		browser = await launchChromium();
		plannerPassword = await addMember(await pageOf(ADMIN), PLANNER);
	}, 240_000);

	afterAll(async () => {
		for (const context of contexts) await context.close().catch(() => undefined);
		await browser?.close();
		await stage?.stop();
	});

	it('keeps the original date, shows the new one with the move and the reason, and the delay against the original', async () => {
		const page = await pageOf({ email: PLANNER.email, password: plannerPassword });
		await openAtlas(page, `?sel=community:${NEW_COMMUNITY.code}`);
		const panel = page.locator(PANEL);
		const schedule = panel.locator('[data-testid=schedule]');
		await expect.poll(() => schedule.innerText()).toContain('较基准计划延误 5 天');
		expect(await schedule.locator('tr[data-stage=tendering]').innerText()).toMatch(/招投标\s+2025-06-01\s+2025-06-01/);

		await panel.locator('[data-testid=staff-tools]').getByRole('button', { name: '调整计划', exact: true }).click();
		const form = panel.locator('[data-testid=edit-form]');
		await form.locator('button[type=submit]').waitFor();
		expect(await form.locator('select[name=stage]').inputValue()).toBe('tendering');
		expect(await form.locator('input[name=plannedOn]').inputValue()).toBe('2025-06-01');

		// Without a reason the form says so and sends nothing.
		await form.locator('input[name=plannedOn]').fill('2025-07-15');
		await form.getByRole('button', { name: '保存', exact: true }).click();
		await expect.poll(() => form.innerText()).toContain('请写明理由');

		await form.locator('textarea[name=reason]').fill('招标文件需补充加装电梯内容');
		const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === `/api/communities/${stage.communityId}/replan`);
		await form.getByRole('button', { name: '保存', exact: true }).click();
		expect((await saved).status()).toBe(200);
		await form.waitFor({ state: 'detached' });

		const tendering = schedule.locator('tr[data-stage=tendering]');
		await expect.poll(() => tendering.innerText()).toMatch(/招投标\s+2025-06-01\s+2025-07-15\s*调整 \+44 天/);
		await expect.poll(() => schedule.innerText()).toContain('招投标 2025-06-01 → 2025-07-15：招标文件需补充加装电梯内容（李建国）');
		expect(await schedule.innerText()).toContain('较基准计划延误 5 天');
		expect(await schedule.locator('[data-field=late]').innerText()).toMatch(/^未逾期/);

		// The annual cycle of the demo data: who sent the 2027 lists, who is late.
		await page.goto('/cycle?year=2027');
		const rows = page.locator('[data-testid=cycle] tbody tr');
		await expect.poll(() => rows.count()).toBe(13);
		const states = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state')));
		expect(states.filter((s) => s === 'missing')).toHaveLength(3);
		expect(states.filter((s) => s === 'late')).toHaveLength(2);
		expect(await page.locator('[data-testid=cycle-counts]').innerText()).toMatch(/逾期未报 3/);
	});

	it('lists every community the planner may see, the late ones first by delay, each leading to its place on the map', async () => {
		const page = await pageOf({ email: PLANNER.email, password: plannerPassword });
		const atlas = (await (await page.request.get('/api/atlas')).json()) as Atlas;
		await page.goto('/communities', { waitUntil: 'networkidle' });
		const rows = page.locator('[data-testid=community-list] tbody tr');
		const listed = () =>
			rows.evaluateAll((trs) =>
				trs.map((tr) => ({
					code: tr.getAttribute('data-code') ?? '',
					late: tr.getAttribute('data-late') === 'true',
					delay: tr.querySelector('[data-field=delay]')?.textContent?.trim() ?? '',
					progress: tr.querySelector('[data-field=progress]')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
				}))
			);
		const byCode = new Map(atlas.communities.features.map((f) => [f.properties.code, f.properties]));
		const first = await listed();
		expect(first.map((r) => r.code).sort()).toEqual([...byCode.keys()].sort());
		const late = atlas.communities.features.filter((f) => f.properties.late).length;
		expect(late).toBe(11);
		expect(await page.locator('[data-testid=community-list-summary]').innerText()).toContain(`其中进度滞后 ${late} 个`);
		// The late ones lead, the longest delay first, each with the map's delay in days.
		expect(first.slice(0, late).every((r) => r.late)).toBe(true);
		const days = first.slice(0, late).map((r) => {
			const c = byCode.get(r.code);
			expect(r.delay).toBe(c?.delayDays === null ? '滞后' : `滞后 ${c?.delayDays} 天`);
			return c?.delayDays ?? -1;
		});
		expect(days).toEqual([...days].sort((a, b) => b - a));
		// Every percentage says how it was weighted.
		for (const r of first) {
			const c = byCode.get(r.code);
			if (c?.progressPct === null) expect(r.progress).toBe('尚无进度');
			else expect(r.progress).toMatch(c?.progressWeighting === 'budget' ? /%\s按预算加权$/ : /%\s按条目计数/);
		}

		await page.locator('a[data-sort=name]').click();
		await page.waitForURL((url) => url.searchParams.get('sort') === 'name');
		const names = (await listed()).map((r) => byCode.get(r.code)?.name ?? '');
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-CN')));

		const top = (await listed())[0];
		await rows.first().locator('a').click();
		await page.waitForFunction(() => performance.getEntriesByName('atlas:map-idle').length > 0, undefined, { timeout: 45_000 });
		expect(new URL(page.url()).searchParams.get('sel')).toBe(`community:${top.code}`);
		await expect.poll(() => page.locator(PANEL).innerText()).toContain(byCode.get(top.code)?.name);
	});
});
