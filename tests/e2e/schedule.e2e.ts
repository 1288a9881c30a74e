import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/browser';
import { ADMIN, addMember, NEW_COMMUNITY, newPage, PLANNER, signIn, startEditingStage, type EditingStage } from './harness/editing';
import { openAtlas } from './harness/map';

// A planner re-plans a milestone with a reason, in Chromium, and reads original against
// current plan and the delay in the community's panel. It writes, so it runs its own app
// on a database of its own (the editing stage: NEW_COMMUNITY, at approval on 2025-04-18,
// its approval done on 2025-04-15 against a plan of 2025-04-10).
describe('re-planning a milestone, and the annual cycle', () => {
	let stage: EditingStage;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	const PANEL = '[data-testid=detail-panel]';

	async function pageOf(account: { email: string; password: string }): Promise<Page> {
		const { context, page } = await newPage(browser, stage.app.url);
		contexts.push(context);
		await signIn(page, account);
		return page;
	}

	beforeAll(async () => {
		stage = await startEditingStage();
		browser = await launchChromium();
	}, 240_000);

	afterAll(async () => {
		for (const context of contexts) await context.close().catch(() => undefined);
		await browser?.close();
		await stage?.stop();
	});

	it('keeps the original date, shows the new one with the move and the reason, and the delay against the original', async () => {
		const admin = await pageOf(ADMIN);
		const password = await addMember(admin, PLANNER);
		const page = await pageOf({ email: PLANNER.email, password });
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
});
