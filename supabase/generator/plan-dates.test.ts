import { describe, expect, it } from 'vitest';
import { stageIndex } from '../../src/lib/domain/stages';
import { generateSeedDataset } from './generate';
import { SURFACE_BEFORE_UNDERGROUND, UNDERGROUND_ITEMS } from './plan-dates';

const data = generateSeedDataset();
const projectOf = (communityId: string) => {
	const project = data.projects.find((p) => p.communityId === communityId);
	if (!project) throw new Error('no project');
	return project;
};
const milestone = (communityId: string, stage: string) =>
	data.milestones.find((m) => m.projectId === projectOf(communityId).id && m.stage === stage);
const itemsOf = (communityId: string) => data.planItems.filter((i) => i.communityId === communityId);
const isUnderground = (code: string) => UNDERGROUND_ITEMS.includes(code);
const latest = (dates: (string | null)[]) => dates.reduce<string>((a, b) => (b !== null && b > a ? b : a), '');
const breaches = new Set(Object.keys(SURFACE_BEFORE_UNDERGROUND));

describe('demo plan dates', () => {
	it('date every item, finishing no earlier than it starts, but the deliberately unscheduled pipes', () => {
		for (const i of data.planItems) {
			const code = data.communities.find((c) => c.id === i.communityId)?.code ?? '';
			if (SURFACE_BEFORE_UNDERGROUND[code] === 'unscheduled' && isUnderground(i.catalogueCode)) {
				expect([i.startsOn, i.finishesOn]).toEqual([null, null]);
				continue;
			}
			expect(i.startsOn, i.id).not.toBeNull();
			expect(i.finishesOn! >= i.startsOn!, i.id).toBe(true);
		}
	});

	it('agree with each item’s status on the data date', () => {
		for (const i of data.planItems.filter((x) => x.startsOn !== null)) {
			if (i.status === 'done') expect(i.finishesOn! <= data.dataDate, i.id).toBe(true);
			else if (i.status === 'planned') expect(i.startsOn! > data.dataDate, i.id).toBe(true);
			else expect(i.startsOn! <= data.dataDate && data.dataDate <= i.finishesOn!, i.id).toBe(true);
		}
	});

	it('lie in the construction window of a finished project', () => {
		for (const c of data.communities.filter((x) => stageIndex(projectOf(x.id).stage) >= stageIndex('acceptance'))) {
			const started = milestone(c.id, 'construction')?.actualOn ?? '';
			const accepted = milestone(c.id, 'acceptance')?.actualOn ?? '';
			for (const i of itemsOf(c.id)) {
				expect(i.startsOn! >= started && i.finishesOn! <= accepted, `${c.code} ${i.catalogueCode}`).toBe(true);
			}
		}
	});

	it('put everything else after the last pipe is renewed, but in the deliberate breaches', () => {
		for (const c of data.communities.filter((x) => !breaches.has(x.code))) {
			const items = itemsOf(c.id);
			const undergroundDone = latest(items.filter((i) => isUnderground(i.catalogueCode)).map((i) => i.finishesOn));
			for (const i of items.filter((x) => !isUnderground(x.catalogueCode))) {
				expect(i.startsOn! > undergroundDone, `${c.code} ${i.catalogueCode}`).toBe(true);
			}
		}
	});

	it('make the deliberate breaches in communities still waiting to renew their pipes', () => {
		expect(breaches.size).toBeGreaterThan(0);
		for (const [code, breach] of Object.entries(SURFACE_BEFORE_UNDERGROUND)) {
			const c = data.communities.find((x) => x.code === code);
			if (!c) throw new Error(`no community ${code}`);
			expect(stageIndex(projectOf(c.id).stage)).toBeLessThan(stageIndex('construction'));
			expect(data.pipeSegments.some((s) => s.communityId === c.id && s.state === 'to_renew'), code).toBe(true);
			const items = itemsOf(c.id);
			const roads = items.find((i) => i.catalogueCode === 'roads');
			expect(roads?.startsOn, code).toBeTruthy();
			if (breach === 'overlap') {
				expect(roads!.startsOn! <= latest(items.filter((i) => isUnderground(i.catalogueCode)).map((i) => i.finishesOn)), code).toBe(true);
			} else {
				expect(items.filter((i) => isUnderground(i.catalogueCode)).every((i) => i.finishesOn === null), code).toBe(true);
			}
		}
	});

	it('date each renewed pipe within the dates of the plan item that renewed it', () => {
		const RENEWED_BY: Record<string, string> = {
			water: 'water_supply',
			rain: 'rain_sewage',
			sewage: 'rain_sewage',
			gas: 'gas',
			heat: 'heating',
			power: 'power',
			telecom: 'weak_current'
		};
		let checked = 0;
		for (const s of data.pipeSegments.filter((x) => x.renewedOn !== null)) {
			const item = itemsOf(s.communityId).find((i) => i.catalogueCode === RENEWED_BY[s.pipelineType]);
			if (!item) throw new Error(`a renewed ${s.pipelineType} segment without its plan item`);
			expect(s.renewedOn! >= item.startsOn! && s.renewedOn! <= item.finishesOn!, `${s.pipelineType} ${s.renewedOn}`).toBe(true);
			checked++;
		}
		expect(checked).toBeGreaterThan(1000);
	});
});
