import { describe, expect, it } from 'vitest';
import { CYCLE_YEAR } from './cycle';
import { generateSeedDataset } from './generate';
import { REPLANNED_PROJECTS } from './replans';

const data = generateSeedDataset();

describe('demo baselines and re-plans', () => {
	it('moves one milestone of a few projects, each later than its baseline and with a reason, decided before the baseline date', () => {
		expect(data.replans).toHaveLength(REPLANNED_PROJECTS);
		expect(new Set(data.replans.map((r) => r.projectId)).size).toBe(REPLANNED_PROJECTS);
		for (const r of data.replans) {
			const m = data.milestones.find((x) => x.projectId === r.projectId && x.stage === r.stage);
			expect(m).toMatchObject({ baselineOn: r.oldOn, plannedOn: r.newOn });
			expect(r.oldOn < r.newOn).toBe(true);
			expect(r.replannedAt.slice(0, 10) < r.oldOn).toBe(true);
			expect(r.reason.length).toBeGreaterThan(3);
		}
	});

	it('leaves every other milestone’s baseline at its planned date, so the current plan is as generated', () => {
		const moved = new Set(data.replans.map((r) => `${r.projectId}/${r.stage}`));
		const others = data.milestones.filter((m) => !moved.has(`${m.projectId}/${m.stage}`));
		expect(others.every((m) => m.baselineOn === m.plannedOn)).toBe(true);
	});
});

describe('the demo annual cycle', () => {
	it('has two streets late and a street and two towns missing for the coming plan year', () => {
		const due = `${CYCLE_YEAR - 1}-10-31`;
		expect(data.submissions).toHaveLength(data.subdistricts.length - 3);
		const late = data.submissions.filter((s) => s.submittedAt.slice(0, 10) > due);
		const kind = new Map(data.subdistricts.map((s) => [s.code, s.kind]));
		expect(late.map((s) => kind.get(s.subdistrictCode))).toEqual(['street', 'street']);
		const sent = new Set(data.submissions.map((s) => s.subdistrictCode));
		const missing = data.subdistricts.filter((s) => !sent.has(s.code));
		expect(missing.map((s) => s.kind).sort()).toEqual(['street', 'town', 'town']);
		expect(data.submissions.every((s) => s.planYear === CYCLE_YEAR)).toBe(true);
	});
});
