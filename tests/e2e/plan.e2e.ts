import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/lib/domain/types';
import { EDITOR, NEW_COMMUNITY, PLANNER, type Member } from './harness/editing';
import { openAtlas } from './harness/map';
import { NO_PLAN_COLOR, PROGRESS_BINS } from '../../src/lib/map/palette';
import { answerTo, StaffSession } from './harness/session';

// The plan as its users keep it, in Chromium: an editor plans its community's renovation
// and records progress, and the percentage follows, weighted by budget; a planner finds a
// breach of the funding rule in the list of violations and mends it. It writes, so it runs
// its own app on a database of its own (the editing tests' stage).
describe('plans and funding, in the browser', () => {
	let session: StaffSession;
	const pageOf = (member: Member) => session.pageOf(member);

	const PANEL = '[data-testid=detail-panel]';

	/** The community's figures in the atlas as the signed-in member's map gets them. */
	async function atlasCommunity(page: Page, code: string) {
		const atlas = (await (await page.request.get('/api/atlas')).json()) as Atlas;
		return atlas.communities.features.find((f) => f.properties.code === code)?.properties;
	}

	/** The percentage of each of the community's buildings in the atlas. */
	async function atlasBuildings(page: Page, code: string) {
		const atlas = (await (await page.request.get('/api/atlas')).json()) as Atlas;
		const community = atlas.communities.features.find((f) => f.properties.code === code)?.properties.id;
		const own = atlas.buildings.features.filter((f) => f.properties.communityId === community);
		return Object.fromEntries(own.map((f) => [f.properties.code, f.properties.progressPct]));
	}

	/**
	 * The fill colour the map draws community `id` with now, as #rrggbb, or null where it is
	 * not drawn: MapLibre evaluates the layer's paint for each feature queried.
	 */
	function drawnFill(page: Page, id: string): Promise<string | null> {
		return page.evaluate((id) => {
			type Rgba = { r: number; g: number; b: number; a: number };
			const map = (window as Window & { __map?: import('maplibre-gl').Map }).__map;
			if (!map) throw new Error('window.__map is not set');
			const hit = map.queryRenderedFeatures({ layers: ['communities-fill'] }).find((f) => f.properties.id === id);
			const color = hit?.layer.paint && (hit.layer.paint as Record<string, unknown>)['fill-color'];
			if (!color || typeof color !== 'object') return null;
			const { r, g, b, a } = color as Rgba;
			// Premultiplied by alpha.
			const hex = (v: number) => Math.round((a ? v / a : v) * 255).toString(16).padStart(2, '0');
			return `#${hex(r)}${hex(g)}${hex(b)}`;
		}, id);
	}

	beforeAll(async () => {
		session = await StaffSession.start('plan', [EDITOR, PLANNER]);
	}, 300_000);

	beforeEach(({ task }) => session.watch(task));

	afterAll(() => session?.close());

	it('lets the editor plan its community and record progress; the percentage follows, weighted by budget', async () => {
		const page = await pageOf(EDITOR);
		const { communityId } = session.stage;
		await openAtlas(page, `?sel=community:${NEW_COMMUNITY.code}&by=progress`);
		const section = page.locator(`${PANEL} [data-testid=plan-section]`);
		await expect.poll(() => section.innerText()).toContain('尚无计划条目');
		expect(await section.locator('[data-testid=plan-progress]').innerText()).toContain('尚无进度');
		// The community's batch (2025) has no plan items yet: the totals list no figure for it,
		// and the map draws the community as having no plan.
		const batch = page.locator('[data-testid=batch-progress] tr[data-year="2025"]');
		expect(await page.locator('[data-testid=batch-progress] tr[data-year]').count()).toBeGreaterThan(0);
		expect(await batch.count()).toBe(0);
		expect(await drawnFill(page, communityId)).toBe(NO_PLAN_COLOR);
		// Set on this document only: still there at the end, no reload happened between.
		await page.evaluate(() => Object.assign(window, { __samePage: true }));

		async function addItem(code: string, quantity: string, budget: string, building?: string) {
			await section.getByRole('button', { name: '添加计划条目', exact: true }).click();
			const form = section.locator('[data-testid=plan-item-form]');
			await form.locator('select[name=catalogueCode]').selectOption(code);
			await form.locator('input[name=quantity]').fill(quantity);
			await form.locator('input[name=budgetYuan]').fill(budget);
			if (building) await form.getByLabel(building).check();
			const saved = answerTo(page, 'POST', `/api/communities/${communityId}/plan`);
			await form.getByRole('button', { name: '保存', exact: true }).click();
			expect((await saved).status()).toBe(200);
			await form.waitFor({ state: 'detached' });
		}
		await addItem('roads', '1000', '160000');
		await addItem('painting', '800', '40000', '1号楼');
		const progress = section.locator('[data-testid=plan-progress]');
		await expect.poll(() => progress.innerText()).toMatch(/完成 0%\s*按预算加权/);
		await expect.poll(() => batch.innerText()).toMatch(/2025\s*0\.0%\s*按预算加权/);
		await expect.poll(() => drawnFill(page, communityId)).toBe(PROGRESS_BINS[0].color);
		// The unit came from the catalogue.
		expect(await section.locator('[data-testid=plan-item][data-code=roads]').innerText()).toContain('1,000 m²');
		expect(await section.locator('[data-testid=plan-item][data-code=painting]').innerText()).toContain('1 栋楼');

		// Half the roads are done: (160,000 × 50 + 40,000 × 0) / 200,000 = 40 %.
		await section.locator('[data-testid=plan-item][data-code=roads]').getByRole('button', { name: '编辑' }).click();
		const form = section.locator('[data-testid=plan-item-form]');
		await form.locator('input[name=percentComplete]').fill('50');
		expect(await form.locator('select[name=status]').inputValue()).toBe('in_progress');
		const saved = answerTo(page, 'PUT', /^\/api\/plan-items\//);
		await form.getByRole('button', { name: '保存', exact: true }).click();
		expect((await saved).status()).toBe(200);
		await expect.poll(() => progress.innerText()).toMatch(/完成 40%\s*按预算加权/);
		// The batch is this one community: its figure is the community's, from the view.
		await expect.poll(() => batch.innerText()).toMatch(/40\.0%\s*按预算加权/);
		await expect.poll(() => drawnFill(page, communityId)).toBe(PROGRESS_BINS[1].color);
		expect(await atlasCommunity(page, NEW_COMMUNITY.code)).toMatchObject({ progressPct: 40, progressWeighting: 'budget' });
		// Buildings share the roads equally; only 1号楼 is painted: (53,333 × 50) / 93,333 = 28.6 %.
		expect(await atlasBuildings(page, NEW_COMMUNITY.code)).toEqual({ [`${NEW_COMMUNITY.code}-1`]: 28.6, [`${NEW_COMMUNITY.code}-2`]: 50, [`${NEW_COMMUNITY.code}-3`]: 50 });

		// An item without a budget: the percentage falls back to counting items, and says so.
		await addItem('greening', '300', '');
		await expect.poll(() => progress.innerText()).toMatch(/完成 16\.7%\s*按条目计数/);
		await expect.poll(() => batch.innerText()).toMatch(/16\.7%\s*按条目计数：3 项中 1 项缺少预算/);
		expect(await batch.getAttribute('data-weighting')).toBe('count');
		expect(await drawnFill(page, communityId)).toBe(PROGRESS_BINS[0].color);
		expect(await page.evaluate(() => '__samePage' in window)).toBe(true);
		expect(await atlasCommunity(page, NEW_COMMUNITY.code)).toMatchObject({ progressPct: 16.7, progressWeighting: 'count' });
	});

	it('shows the planner the violations of the funding rule, and one is mended from the community’s panel', async () => {
		const page = await pageOf(PLANNER);
		await page.goto('/plans/violations', { waitUntil: 'networkidle' });
		const listed = async () =>
			new Set(await page.locator('[data-testid=violation]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-community'))));
		expect(await listed()).toEqual(new Set(['ZD-2021-03', 'ZD-2022-02']));
		expect(await page.locator('[data-testid=violation][data-community=ZD-2022-02]').innerText()).toContain('奖补/区级资金指定用于非基础类条目');

		await page.locator('[data-testid=violation][data-community=ZD-2022-02] a').click();
		await page.waitForFunction(() => performance.getEntriesByName('atlas:map-idle').length > 0, undefined, { timeout: 45_000 });
		const funding = page.locator(`${PANEL} [data-testid=funding-section]`);
		await funding.locator('[data-testid=funding-violations]').waitFor();
		const offending = funding.locator('tr.offending');
		expect(await offending.count()).toBe(1);
		expect(await offending.getAttribute('data-source')).toBe('district_budget');

		// The bike sheds are paid from the community's public revenue instead.
		await offending.getByRole('button', { name: '编辑' }).click();
		const form = funding.locator('[data-testid=funding-line-form]');
		await form.locator('select[name=source]').selectOption('public_revenue');
		const saved = answerTo(page, 'PUT', /^\/api\/funding-lines\//);
		await form.getByRole('button', { name: '保存', exact: true }).click();
		expect((await saved).status()).toBe(200);
		await expect.poll(() => funding.innerText()).toContain('符合资金规定');
		expect(await funding.locator('tr.offending').count()).toBe(0);

		await page.goto('/plans/violations', { waitUntil: 'networkidle' });
		expect(await listed()).toEqual(new Set(['ZD-2021-03']));
	});
});
