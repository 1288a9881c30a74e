import { describe, expect, it } from 'vitest';
import { fieldErrors } from './input';
import { fundingLineSchema, planItemSchema, planRightsOver, statusFor, sumsBySource } from './plan';

const item = {
	catalogueCode: 'roads',
	quantity: 1200,
	unit: 'm²',
	budgetYuan: 190_000,
	buildingIds: [],
	status: 'in_progress',
	percentComplete: 40,
	note: null
};

describe('the plan item schema', () => {
	it('accepts a consistent item and trims the unit', () => {
		expect(planItemSchema.parse({ ...item, unit: ' m² ' }).unit).toBe('m²');
	});

	it.each([
		['planned', 10],
		['done', 99],
		['in_progress', 100]
	])('refuses status %s at %i%% on the percentage', (status, percentComplete) => {
		const result = planItemSchema.safeParse({ ...item, status, percentComplete });
		expect(result.success).toBe(false);
		if (!result.success) expect(fieldErrors(result.error)).toEqual({ percentComplete: { key: 'edit.error.percentStatus' } });
	});

	it('refuses a zero quantity, a building listed twice and an unknown-looking code', () => {
		const id = '0b000000-0000-4000-8000-000000000001';
		const result = planItemSchema.safeParse({ ...item, quantity: 0, buildingIds: [id, id], catalogueCode: 'Roads!' });
		expect(result.success).toBe(false);
		if (!result.success)
			expect(Object.keys(fieldErrors(result.error)).sort()).toEqual(['buildingIds', 'catalogueCode', 'quantity']);
	});
});

describe('funding lines', () => {
	it('refuse an unknown source and a zero amount', () => {
		const result = fundingLineSchema.safeParse({ source: 'lottery', amountYuan: 0, planItemIds: [], note: null });
		expect(result.success).toBe(false);
		if (!result.success) expect(Object.keys(fieldErrors(result.error)).sort()).toEqual(['amountYuan', 'source']);
	});

	it('sum by source, largest first, to the fen', () => {
		expect(
			sumsBySource([
				{ source: 'central_subsidy', amountYuan: 100.1 },
				{ source: 'donations', amountYuan: 500 },
				{ source: 'central_subsidy', amountYuan: 0.2 }
			])
		).toEqual([
			{ source: 'donations', amountYuan: 500 },
			{ source: 'central_subsidy', amountYuan: 100.3 }
		]);
	});
});

describe('rights over a plan', () => {
	it('mirror the policies: editors their own, leaders read funding, the public nothing', () => {
		const editor = { appRole: 'editor' as const, subdistricts: ['370303006'] };
		expect(planRightsOver(editor, '370303006')).toEqual({ editPlan: true, readFunding: true, editFunding: true });
		expect(planRightsOver(editor, '370303008')).toEqual({ editPlan: false, readFunding: false, editFunding: false });
		expect(planRightsOver({ appRole: 'leader', subdistricts: [] }, 'x')).toEqual({ editPlan: false, readFunding: true, editFunding: false });
		expect(planRightsOver(null, 'x').readFunding).toBe(false);
	});

	it('give the status a percentage stands for', () => {
		expect([0, 1, 99, 100].map(statusFor)).toEqual(['planned', 'in_progress', 'in_progress', 'done']);
	});
});
