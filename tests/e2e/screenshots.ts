/**
 * The README's screenshots of editing, on the stage of tests/e2e/editing.e2e.ts (a fresh
 * app and database, the editor of 体育场街道 and its unpublished community). Run by hand
 * after a change to the forms or the timeline:
 *
 *   npx tsx tests/e2e/screenshots.ts
 *
 * It builds the app first if the build is stale, and writes docs/screenshots/edit-form.png
 * (the facts form open in the detail panel, with the editor's changes typed in) and
 * docs/screenshots/history.png (the timeline after the facts and the progress are saved),
 * both in Chinese at 1280×800.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ensureBuild, ROOT } from '../../scripts/build';
import { launchChromium } from './harness/browser';
import { ADMIN, addMember, EDITOR, NEW_COMMUNITY, newPage, signIn, startEditingStage } from './harness/editing';
import { mapIdle, openAtlas } from './harness/map';

const OUT = join(ROOT, 'docs', 'screenshots');
const PANEL = '[data-testid=detail-panel]';

async function save(page: Page): Promise<void> {
	const form = page.locator(`${PANEL} [data-testid=edit-form]`);
	await form.getByRole('button', { name: '保存', exact: true }).click();
	await form.waitFor({ state: 'detached' });
}

async function openForm(page: Page, button: string) {
	await page.locator(PANEL).getByRole('button', { name: button, exact: true }).click();
	const form = page.locator(`${PANEL} [data-testid=edit-form]`);
	await form.locator('button[type=submit]').waitFor();
	return form;
}

await ensureBuild();
await mkdir(OUT, { recursive: true });
const stage = await startEditingStage();
const browser = await launchChromium();
try {
	const admin = await newPage(browser, stage.app.url);
	await signIn(admin.page, ADMIN);
	const password = await addMember(admin.page, EDITOR);

	const { page } = await newPage(browser, stage.app.url);
	await signIn(page, { email: EDITOR.email, password });
	await openAtlas(page, `?sel=community:${NEW_COMMUNITY.code}`);

	let form = await openForm(page, '编辑小区信息');
	await form.locator('input[name=households]').fill('112');
	await form.locator('select[name=propertyManagement]').selectOption('simple');
	await form.locator('input[name=households]').focus();
	await mapIdle(page);
	await page.screenshot({ path: join(OUT, 'edit-form.png') });
	await save(page);

	form = await openForm(page, '编辑改造进度');
	await form.locator('select[name=stage]').selectOption('tendering');
	await form.locator('input[name="tendering.actualOn"]').fill('2025-06-12');
	await form.locator('input[name="construction.plannedOn"]').fill('2025-09-01');
	await form.locator('input[name=statusAsOf]').fill('2025-06-20');
	await form.locator('textarea[name=replanReason]').fill('招标延后，开工顺延一个月');
	await save(page);

	await page.locator(PANEL).getByRole('button', { name: '查看修改历史' }).click();
	const history = page.locator(`${PANEL} [data-testid=history]`);
	await history.locator('ol > li').nth(2).waitFor();
	// The panel scrolls: bring the timeline's end into view, under the community's facts.
	await history.evaluate((element) => element.scrollIntoView({ block: 'end' }));
	await mapIdle(page);
	await page.screenshot({ path: join(OUT, 'history.png') });
	console.log(`wrote ${join(OUT, 'edit-form.png')} and ${join(OUT, 'history.png')}`);
} finally {
	await browser.close();
	await stage.stop();
}
