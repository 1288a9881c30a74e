import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PLANNER } from './harness/editing';
import { StaffSession } from './harness/session';

// The dashboard as a planner opens it at a desk (1440×900), in Chromium: the 2020–2022
// targets exactly as the plan states them beside planned, started and completed, a row per
// batch, a figure whose rows add up to it, and those rows as a CSV file Excel reads. On the
// editing stage (its planner is added there), which also holds NEW_COMMUNITY in batch 2025.
describe('the dashboard, in the browser', () => {
	let session: StaffSession;

	const number = (text: string) => Number(text.replace(/[^\d.]/g, ''));

	async function open(path = '/dashboard'): Promise<Page> {
		const page = await session.pageOf(PLANNER);
		await page.setViewportSize({ width: 1440, height: 900 });
		await page.goto(path, { waitUntil: 'networkidle' });
		return page;
	}

	beforeAll(async () => {
		session = await StaffSession.start('dashboard', [PLANNER]);
	}, 300_000);

	beforeEach(({ task }) => session.watch(task));

	afterAll(() => session?.close());

	it('shows the 2020–2022 targets, the levels against them and a row per batch, with the date of the data', async () => {
		const page = await open();
		const targets = page.locator('[data-testid=targets]');
		const total = (level: string) => targets.locator(`tr[data-group="2020-2022"][data-level=${level}]`);
		const target = (field: string) => total('planned').locator(`small[data-target=${field}]`).innerText();
		expect([await target('communities'), await target('buildings'), await target('floorArea'), await target('households')]).toEqual([
			'/ 22',
			'/ 296',
			'/ 106.73',
			'/ 11,425'
		]);
		const figure = async (level: string, field: string) => total(level).locator(`button[data-field=${field}]`).innerText();
		// Everything is in a batch; one community is not tendered yet and ten are not accepted:
		// planned is never shown as done.
		expect([await figure('planned', 'communities'), await figure('started', 'communities'), await figure('completed', 'communities')]).toEqual([
			'22',
			'21',
			'12'
		]);
		expect(await figure('planned', 'households')).toBe('11,425');
		const years = await page.locator('[data-testid=by-year] tr[data-level=planned]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-group')));
		expect(years).toEqual(['2020', '2021', '2022', '2025']);
		expect(await page.locator('[data-testid=data-as-of]').innerText()).toMatch(/数据截至 \d{4}-\d{2}-\d{2}/);
		// The charts are drawn (ECharts, loaded on this page only) and named for screen readers.
		await expect.poll(() => page.locator('[role=img][aria-label*=柱状图] svg').count()).toBeGreaterThanOrEqual(2);
	});

	it('opens the rows behind a figure, which add up to it, sorts them and exports them as CSV with a BOM', async () => {
		const page = await open();
		const cell = page.locator('[data-testid=by-year] tr[data-group="2021"][data-level=started]');
		const buildings = number(await cell.locator('button[data-field=buildings]').innerText());
		const communities = number(await cell.locator('button[data-field=communities]').innerText());
		const households = number(await cell.locator('button[data-field=households]').innerText());
		expect(buildings).toBeGreaterThan(0);
		await cell.locator('button[data-field=buildings]').click();

		const dialog = page.locator('[data-testid=drill-down]');
		await dialog.waitFor();
		const rows = dialog.locator('[data-testid=drill-row]');
		expect(await rows.count()).toBe(communities);
		const sumOf = async (field: string) =>
			(await rows.locator(`td[data-field=${field}]`).allInnerTexts()).reduce((sum, text) => sum + number(text), 0);
		expect(await sumOf('buildings')).toBe(buildings);
		expect(await sumOf('households')).toBe(households);
		expect(number(await dialog.locator('[data-testid=drill-sum] td[data-field=buildings]').innerText())).toBe(buildings);
		expect((await rows.locator('td[data-field=batchYear]').allInnerTexts()).every((y) => y === '2021')).toBe(true);

		// Sorted by buildings, most first, then back.
		await dialog.locator('button[data-column=buildings]').click();
		await dialog.locator('button[data-column=buildings]').click();
		const sorted = (await rows.locator('td[data-field=buildings]').allInnerTexts()).map(number);
		expect(sorted).toEqual([...sorted].sort((a, b) => b - a));

		const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('[data-testid=export-csv]').click()]);
		expect(download.suggestedFilename()).toMatch(/\.csv$/);
		const bytes = await readFile((await download.path()) as string);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = bytes.toString('utf8').slice(1).trim().split(/\r?\n/);
		expect(lines[0]).toContain('小区编码');
		expect(lines).toHaveLength(communities + 1);
		const header = lines[0].split(',');
		const column = header.indexOf('楼栋');
		expect(lines.slice(1).reduce((sum, line) => sum + Number(line.split(',')[column]), 0)).toBe(buildings);

		const [excel] = await Promise.all([page.waitForEvent('download'), dialog.locator('[data-testid=export-xlsx]').click()]);
		expect(excel.suggestedFilename()).toMatch(/\.xlsx$/);
		const xlsx = await readFile((await excel.path()) as string);
		expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
	});

	it('names a bad filter instead of failing, and filters by batch and sub-district through the address', async () => {
		const page = await open('/dashboard?year=20x1&sub=370303006');
		expect(await page.locator('[data-testid=filter-problem]').innerText()).toContain('20x1');
		const subdistricts = await page.locator('[data-testid=by-subdistrict] tr[data-level=planned]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-group')));
		expect(subdistricts).toEqual(['370303006']);
		// The targets stay the district's.
		expect(await page.locator('[data-testid=targets] tr[data-group="2020-2022"][data-level=planned] small[data-target=communities]').innerText()).toBe('/ 22');
	});

	it('has no serious or critical accessibility problem, in Chinese and in English, nor with rows open', async () => {
		// Evaluated rather than added as a script tag, which the page's Content Security Policy refuses.
		const axe = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
		async function problems(page: Page) {
			await page.evaluate(axe);
			const found = await page.evaluate(async () => {
				type Axe = { run(context: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> };
				const result = await (window as unknown as { axe: Axe }).axe.run(document);
				return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3) }));
			});
			return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		}
		for (const path of ['/dashboard', '/dashboard?lang=en']) {
			const page = await open(path);
			await page.locator('[role=img] svg').first().waitFor();
			if (path.endsWith('en')) expect(await page.locator('[data-testid=data-as-of]').innerText()).toMatch(/Data as of \d{4}-\d{2}-\d{2}/);
			expect(await problems(page), path).toEqual([]);
			await page.locator('[data-testid=delays] [data-field=stale]').click();
			await page.locator('[data-testid=drill-down]').waitFor();
			expect(await problems(page), `${path} with rows open`).toEqual([]);
		}
	});

	it('sends the public to sign in', async () => {
		const page = await session.pageOf();
		await page.goto('/dashboard');
		expect(new URL(page.url()).pathname).toBe('/login');
	});
});
