import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EDITOR, NEW_COMMUNITY, PLANNER } from './harness/editing';
import { openAtlas } from './harness/map';
import { answerTo, StaffSession } from './harness/session';

// The catalogue as planners keep it, in Chromium: a planner adds an item and retires another
// in /plans/catalogue, and a community's plan item form offers the one and no longer the
// other; an editor is refused the page. It writes, so it runs on the editing tests' stage.
describe('the renovation catalogue, in the browser', () => {
	let session: StaffSession;

	const PANEL = '[data-testid=detail-panel]';
	const row = (page: Page, code: string) => page.locator(`[data-testid=catalogue-item][data-code="${code}"]`);

	/** The catalogue items the plan item form of NEW_COMMUNITY offers. */
	async function offeredInPlanForm(page: Page): Promise<string[]> {
		await openAtlas(page, `?sel=community:${NEW_COMMUNITY.code}`);
		const section = page.locator(`${PANEL} [data-testid=plan-section]`);
		await section.getByRole('button', { name: '添加计划条目', exact: true }).click();
		const select = section.locator('[data-testid=plan-item-form] select[name=catalogueCode]');
		await select.waitFor();
		return select.locator('option:not([disabled])').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
	}

	beforeAll(async () => {
		session = await StaffSession.start('catalogue', [EDITOR, PLANNER]);
	}, 300_000);

	beforeEach(({ task }) => session.watch(task));

	afterAll(() => session?.close());

	it('lets a planner add an item, offered at once in a plan item form, and retire one, offered no more', async () => {
		const page = await session.pageOf(PLANNER);
		await page.goto('/plans/catalogue', { waitUntil: 'networkidle' });
		await expect.poll(() => page.locator('[data-testid=catalogue-item]').count()).toBe(42);

		await page.getByRole('button', { name: '添加条目', exact: true }).click();
		const form = page.locator('[data-testid=catalogue-item-form]');
		await form.locator('input[name=nameZh]').fill('智能信包箱');
		await form.locator('input[name=nameEn]').fill('Smart parcel boxes');
		await form.locator('input[name=code]').fill('smart_parcel_boxes');
		await form.locator('input[name=unit]').fill('组');
		await form.locator('select[name=itemClass]').selectOption('improvement');
		const added = answerTo(page, 'POST', '/api/plan-catalogue');
		await form.getByRole('button', { name: '保存', exact: true }).click();
		expect((await added).status()).toBe(200);
		await expect.poll(() => row(page, 'smart_parcel_boxes').innerText()).toMatch(/智能信包箱\s+Smart parcel boxes\s+smart_parcel_boxes\s+完善类.*组/s);

		// A code that is taken is refused at its field, and nothing is added.
		await page.getByRole('button', { name: '添加条目', exact: true }).click();
		await form.locator('input[name=nameZh]').fill('重复');
		await form.locator('input[name=nameEn]').fill('Duplicate');
		await form.locator('input[name=code]').fill('smart_parcel_boxes');
		await form.locator('input[name=unit]').fill('个');
		const refused = answerTo(page, 'POST', '/api/plan-catalogue');
		await form.getByRole('button', { name: '保存', exact: true }).click();
		expect((await refused).status()).toBe(400);
		await expect.poll(() => form.innerText()).toContain('此编码已被使用');
		await form.getByRole('button', { name: '取消', exact: true }).click();

		await row(page, 'info_platform').getByRole('button', { name: '编辑', exact: true }).click();
		await form.getByLabel('停用（不再供新计划条目选择）').check();
		const retired = answerTo(page, 'PUT', /^\/api\/plan-catalogue\//);
		await form.getByRole('button', { name: '保存', exact: true }).click();
		expect((await retired).status()).toBe(200);
		await expect.poll(() => row(page, 'info_platform').innerText()).toContain('已停用');

		const offered = await offeredInPlanForm(page);
		expect(offered).toContain('smart_parcel_boxes');
		expect(offered).toContain('roads');
		expect(offered).not.toContain('info_platform');
	});

	it('shows an editor neither the page nor a link to it', async () => {
		const page = await session.pageOf(EDITOR);
		const response = await page.goto('/plans/catalogue');
		expect(response?.status()).toBe(403);
		await page.goto('/plans/violations');
		await page.locator('h1').waitFor();
		expect(await page.locator('a[href="/plans/catalogue"]').count()).toBe(0);
	});
});
