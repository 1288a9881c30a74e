import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { fetchAtlas } from './harness/atlas';
import { usePage } from './harness/fixture';
import { openAtlas, renderedIds } from './harness/map';
import { BATCH_TARGETS, PROGRAMME_TARGET, withoutGrouping, type TargetFigures } from './expected';

const legendTexts = (page: Page) => page.locator('[data-testid=legend] [data-testid=legend-item]').allInnerTexts();

const fillColour = (page: Page) =>
	page.evaluate(() => {
		const map = (window as Window & { __map?: MapLibreMap }).__map;
		return JSON.stringify(map?.getPaintProperty('communities-fill', 'fill-color') ?? null);
	});

/** Whether `text` shows `figure` as a number of its own (67 but not 167 or 6.7). */
function showsFigure(text: string, figure: number): boolean {
	const escaped = String(figure).replace('.', '\\.');
	return new RegExp(`(?<![\\d.])${escaped}(?![\\d]|\\.\\d)`).test(withoutGrouping(text));
}

async function expectTotals(page: Page, target: TargetFigures): Promise<void> {
	const totals = page.locator('[data-testid=totals]');
	for (const [name, figure] of Object.entries(target)) {
		await expect.poll(async () => showsFigure(await totals.innerText(), figure), { message: `totals show ${name} ${figure}` }).toBe(true);
	}
}

describe('colouring and filters', () => {
	const pageTest = usePage();

	pageTest('switches the colouring from batch year to stage', async (page) => {
		await openAtlas(page, '?lang=en');
		await expect.poll(() => page.locator('input[name=colorBy][value=year]').isChecked()).toBe(true);
		const yearLegend = await legendTexts(page);
		const yearColour = await fillColour(page);
		expect(yearLegend.length).toBeGreaterThan(0);

		await page.locator('input[name=colorBy][value=stage]').check();
		await expect.poll(() => new URL(page.url()).searchParams.get('by')).toBe('stage');
		await expect.poll(() => legendTexts(page)).not.toEqual(yearLegend);
		expect((await legendTexts(page)).join('\n')).toContain('Construction');
		expect(await fillColour(page)).not.toBe(yearColour);
	});

	pageTest('shows the programme targets when nothing is filtered', async (page) => {
		await openAtlas(page);
		await expectTotals(page, PROGRAMME_TARGET);
	});

	for (const [year, target] of Object.entries(BATCH_TARGETS)) {
		pageTest(`filters to the ${year} batch`, async (page) => {
			const atlas = await fetchAtlas(inject('baseURL'));
			const ofYear = atlas.communities.features
				.filter((f) => f.properties.batchYear === Number(year))
				.map((f) => f.properties.id)
				.sort();
			await openAtlas(page);

			await page.locator(`input[name=year][value="${year}"]`).check();
			await expect.poll(() => new URL(page.url()).searchParams.get('y')).toBe(year);
			await expect.poll(() => renderedIds(page, 'communities-fill'), { timeout: 15_000 }).toHaveLength(target.communities);
			expect(await renderedIds(page, 'communities-fill')).toEqual(ofYear);
			await expectTotals(page, target);
		});
	}
});
