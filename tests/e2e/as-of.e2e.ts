import type { Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import type { Atlas } from '../../src/lib/domain/types';
import { STAGES, type Stage } from '../../src/lib/domain/stages';
import zh from '../../src/lib/i18n/zh-CN.json';
import { usePage } from './harness/fixture';
import { openAtlas } from './harness/map';

// The time control on the shared demo app, which only reads: the demo's record goes back to
// the survey of 2019-07-01 (supabase/generator/history.ts), so moving the slider back shows
// the district as the database held it then.

async function atlasOn(date: string | null): Promise<Atlas> {
	const response = await fetch(`${inject('baseURL')}/api/atlas${date ? `?date=${date}` : ''}`);
	expect(response.status).toBe(200);
	return response.json();
}

const stageCounts = (atlas: Atlas) =>
	Object.fromEntries(STAGES.map((s) => [s, atlas.communities.features.filter((f) => f.properties.stage === s).length])) as Record<Stage, number>;

/** The legend's count for each stage, as the page shows it. */
async function legendCounts(page: Page): Promise<Record<string, number>> {
	const items = await page.locator('[data-testid=legend] [data-testid=legend-item]').allInnerTexts();
	const counts: Record<string, number> = {};
	for (const stage of STAGES) {
		const line = items.find((text) => text.startsWith(STAGE_NAMES_ZH[stage]));
		counts[stage] = Number(line?.match(/(\d+)\s*$/)?.[1] ?? NaN);
	}
	return counts;
}

/** Moves the slider to `date` as a drag would: the value changes, then the thumb is let go. */
function slideTo(page: Page, date: string) {
	return page.locator('#as-of-slider').evaluate((input: HTMLInputElement, day) => {
		input.value = String(day);
		input.dispatchEvent(new Event('input', { bubbles: true }));
		input.dispatchEvent(new Event('change', { bubbles: true }));
	}, Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000));
}

/** The stages as the page names them. */
const STAGE_NAMES_ZH: Record<Stage, string> = zh.stage;

const dateParam = (page: Page) => new URL(page.url()).searchParams.get('date');

describe('the map as of a date', () => {
	const pageTest = usePage();

	pageTest('shows the old state when the slider moves back, with the date on screen and in the address', async (page) => {
		const now = await atlasOn(null);
		const then = await atlasOn('2020-12-31');
		// The demo's story: at the end of 2020 nothing was accepted yet, today much is.
		expect(stageCounts(then).acceptance + stageCounts(then).archived).toBe(0);
		expect(stageCounts(now).acceptance + stageCounts(now).archived).toBeGreaterThan(0);

		await openAtlas(page, '?by=stage');
		await expect.poll(() => legendCounts(page)).toEqual(stageCounts(now));
		await page.getByRole('button', { name: '历史回放…' }).click();
		const control = page.locator('[data-testid=time-control]');
		await expect.poll(() => control.locator('[data-testid=as-of-date]').innerText()).toBe('当前状态');

		await slideTo(page, '2020-12-31');
		await expect.poll(() => dateParam(page)).toBe('2020-12-31');
		await expect.poll(() => control.locator('[data-testid=as-of-date]').innerText()).toBe('2020-12-31 的状态');
		await expect.poll(() => legendCounts(page), { timeout: 20_000 }).toEqual(stageCounts(then));

		// A community's panel tells the stage it had then, and offers nothing to edit.
		const community = then.communities.features.find((f) => f.properties.stage === 'construction')!.properties;
		const current = now.communities.features.find((f) => f.properties.id === community.id)!.properties;
		expect(current.stage).not.toBe('construction');
		await openAtlas(page, `?by=stage&date=2020-12-31&sel=community:${community.code}`);
		const panel = page.locator('[data-testid=detail-panel]');
		await expect.poll(() => panel.innerText(), { timeout: 20_000 }).toContain(`当前进度: ${STAGE_NAMES_ZH.construction}`);
		await expect.poll(() => panel.locator('[data-testid=as-of-note]').innerText()).toContain('2020-12-31');

		await page.getByRole('button', { name: '回到今天' }).click();
		await expect.poll(() => dateParam(page)).toBeNull();
		await expect.poll(() => legendCounts(page), { timeout: 20_000 }).toEqual(stageCounts(now));
		await expect.poll(() => panel.innerText()).toContain(`当前进度: ${STAGE_NAMES_ZH[current.stage!]}`);
	});

	pageTest('plays forward a month a step', async (page) => {
		await openAtlas(page, '?by=stage&date=2020-06-30');
		const control = page.locator('[data-testid=time-control]');
		await expect.poll(() => control.isVisible()).toBe(true);
		await control.getByRole('button', { name: '播放' }).click();
		await expect.poll(() => dateParam(page), { timeout: 30_000 }).toBe('2020-07-30');
		await expect.poll(() => dateParam(page), { timeout: 30_000 }).toBe('2020-08-30');
		await control.getByRole('button', { name: '暂停' }).click();
		const stopped = dateParam(page);
		await page.waitForTimeout(2500);
		expect(dateParam(page)).toBe(stopped);
	});

	pageTest('says so when a link names no real date, and shows the present', async (page) => {
		await openAtlas(page, '?date=2021-02-30');
		await expect.poll(() => page.getByRole('status').first().innerText()).toContain('date');
		await expect.poll(() => dateParam(page)).toBeNull();
		// The API refuses it outright, with the reason.
		const refused = await fetch(`${inject('baseURL')}/api/atlas?date=2021-02-30`);
		expect(refused.status).toBe(400);
		expect(await refused.json()).toMatchObject({ error: 'invalid', fields: { date: { key: 'edit.error.date' } } });
	});
});
