import { describe, expect, it } from 'vitest';
import { stageIndex } from '../../src/lib/domain/stages';
import { generateSeedDataset } from './generate';
import { DELIBERATE_VIOLATIONS } from './plans';

const data = generateSeedDataset();
const stageOf = (communityId: string) => {
	const project = data.projects.find((p) => p.communityId === communityId);
	if (!project) throw new Error('no project');
	return project.stage;
};
const itemsOf = (communityId: string) => data.planItems.filter((i) => i.communityId === communityId);
/** Budget-weighted percent complete, as public.plan_progress computes it for a community. */
const progress = (communityId: string) => {
	const items = itemsOf(communityId);
	const budget = items.reduce((s, i) => s + (i.budgetYuan ?? 0), 0);
	return items.reduce((s, i) => s + (i.budgetYuan ?? 0) * i.percentComplete, 0) / budget;
};

describe('demo plans', () => {
	it('give every community a plan and funding, all marked as demo data', () => {
		for (const c of data.communities) {
			expect(itemsOf(c.id).length).toBeGreaterThanOrEqual(10);
			expect(data.fundingLines.some((f) => f.communityId === c.id)).toBe(true);
		}
		expect([...data.planItems, ...data.fundingLines].every((r) => r.isDemo)).toBe(true);
	});

	it('keep status and percentage consistent', () => {
		for (const i of data.planItems) {
			if (i.status === 'planned') expect(i.percentComplete).toBe(0);
			else if (i.status === 'done') expect(i.percentComplete).toBe(100);
			else expect(i.percentComplete).toBeGreaterThan(0), expect(i.percentComplete).toBeLessThan(100);
		}
	});

	it('follow the project’s stage: nothing built before construction, everything from acceptance on', () => {
		for (const c of data.communities) {
			const stage = stageIndex(stageOf(c.id));
			const pct = progress(c.id);
			if (stage < stageIndex('construction')) expect(pct, c.code).toBe(0);
			else if (stage >= stageIndex('acceptance')) expect(pct, c.code).toBe(100);
			else expect(pct, c.code).toBeGreaterThan(0), expect(pct, c.code).toBeLessThan(100);
		}
		const mean = (year: number) => {
			const cs = data.communities.filter((c) => c.batchYear === year);
			return cs.reduce((s, c) => s + progress(c.id), 0) / cs.length;
		};
		// The 2020 batch done, 2021 nearly, 2022 still building (three not started).
		expect(mean(2020)).toBe(100);
		expect(mean(2021)).toBeGreaterThan(mean(2022));
		expect(mean(2022)).toBeLessThan(75);
	});

	it('build underground first: no surface item is under way while a pipe is still only planned', () => {
		const UNDERGROUND = ['water_supply', 'rain_sewage', 'heating', 'gas', 'power', 'weak_current'];
		for (const c of data.communities) {
			const items = itemsOf(c.id);
			const pipesPlanned = items.some((i) => UNDERGROUND.includes(i.catalogueCode) && i.status === 'planned');
			const surfaceStarted = items.some((i) => ['roads', 'greening'].includes(i.catalogueCode) && i.status !== 'planned');
			expect(pipesPlanned && surfaceStarted, c.code).toBe(false);
		}
	});

	it('leave budgets out only where a project awaits approval, so the count fallback shows', () => {
		const uncosted = new Set(data.planItems.filter((i) => i.budgetYuan === null).map((i) => stageOf(i.communityId)));
		expect([...uncosted]).toEqual(['approval']);
	});

	it('tie funding only to items of the same community, and name communities that exist for the deliberate violations', () => {
		const community = new Map(data.planItems.map((i) => [i.id, i.communityId]));
		for (const f of data.fundingLines) for (const id of f.planItemIds) expect(community.get(id)).toBe(f.communityId);
		const codes = new Set(data.communities.map((c) => c.code));
		for (const code of Object.keys(DELIBERATE_VIOLATIONS)) expect(codes.has(code)).toBe(true);
	});
});
