import { describe, expect, it } from 'vitest';
import { keepChanges } from './merge';

describe('keeping the user’s changes over newer values', () => {
	const base = { households: 510, residents: 1588, propertyManagement: 'professional' };

	it('keeps what the user changed and takes the rest from the newer version', () => {
		const mine = { ...base, households: 600 };
		const newer = { ...base, households: 530, propertyManagement: 'simple' };
		expect(keepChanges(base, mine, newer)).toEqual({ households: 600, residents: 1588, propertyManagement: 'simple' });
	});

	it('merges nested values field by field', () => {
		type Progress = { stage: string; milestones: { approval: { plannedOn: string; actualOn: string | null } } };
		const b: Progress = { stage: 'tendering', milestones: { approval: { plannedOn: '2024-03-01', actualOn: null } } };
		const mine: Progress = { stage: 'tendering', milestones: { approval: { plannedOn: '2024-03-01', actualOn: '2024-03-05' } } };
		const newer: Progress = { stage: 'construction', milestones: { approval: { plannedOn: '2024-02-20', actualOn: null } } };
		expect(keepChanges(b, mine, newer)).toEqual({ stage: 'construction', milestones: { approval: { plannedOn: '2024-02-20', actualOn: '2024-03-05' } } });
	});

	it('keeps a user’s value that was changed back to nothing', () => {
		expect(keepChanges<{ residents: number | null }>({ residents: 5 }, { residents: null }, { residents: 7 })).toEqual({ residents: null });
	});
});
