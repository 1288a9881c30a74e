import { describe, expect, it } from 'vitest';
import { fieldErrors } from './input';
import { crossSectionSchema, digCheckSchema, digVerdict, metresBetween, pathLength, type DigConflict } from './pipe-tools';

const conflict = (moratoriumUntil: string, blocks: boolean): DigConflict => ({
	segmentId: moratoriumUntil,
	pipelineType: 'water',
	communityId: 'c',
	communityName: null,
	renewedOn: `${Number(moratoriumUntil.slice(0, 4)) - 10}${moratoriumUntil.slice(4)}`,
	moratoriumUntil,
	blocks,
	distanceM: 0,
	geometry: { type: 'LineString', coordinates: [] }
});

describe('the pipeline tools’ shared rules', () => {
	it('measure a degree of latitude as some 111 km, and a path as the sum of its legs', () => {
		expect(metresBetween([118.05, 36.8], [118.05, 37.8])).toBeCloseTo(111_195, -1);
		const legs = [[118.05, 36.8], [118.06, 36.8], [118.06, 36.81]];
		expect(pathLength(legs)).toBeCloseTo(metresBetween(legs[0], legs[1]) + metresBetween(legs[1], legs[2]), 6);
	});

	it('allow a dig no conflict blocks, and otherwise not before the last blocking moratorium ends', () => {
		expect(digVerdict('2026-05-01', [])).toEqual({ plannedOn: '2026-05-01', allowed: true, allowedFrom: null, conflicts: [] });
		expect(digVerdict('2026-05-01', [conflict('2025-01-01', false)])).toMatchObject({ allowed: true, allowedFrom: null });
		const blocked = digVerdict('2026-05-01', [conflict('2030-06-01', true), conflict('2032-01-15', true), conflict('2026-01-01', false)]);
		expect(blocked).toMatchObject({ allowed: false, allowedFrom: '2032-01-15' });
	});

	it('take a line or a one-ring area for a dig, and only a line for a section', () => {
		const line = { type: 'LineString', coordinates: [[118.05, 36.8], [118.051, 36.8]] };
		const area = { type: 'Polygon', coordinates: [[[118.05, 36.8], [118.051, 36.8], [118.051, 36.801], [118.05, 36.8]]] };
		expect(digCheckSchema.safeParse({ geometry: line, planned_on: '2026-05-01' }).success).toBe(true);
		expect(digCheckSchema.safeParse({ geometry: area, planned_on: '2026-05-01' }).success).toBe(true);
		const holed = { ...area, coordinates: [area.coordinates[0], area.coordinates[0]] };
		expect(digCheckSchema.safeParse({ geometry: holed, planned_on: '2026-05-01' }).success).toBe(false);
		expect(crossSectionSchema.safeParse({ geometry: line }).success).toBe(true);
		expect(crossSectionSchema.safeParse({ geometry: area }).success).toBe(false);
	});

	it('say the bound a drawing exceeds, as a field message the form can show', () => {
		const parsed = crossSectionSchema.safeParse({ geometry: { type: 'LineString', coordinates: [[118.05, 36.8], [118.05, 36.81]] } });
		expect(parsed.success).toBe(false);
		if (!parsed.success) expect(fieldErrors(parsed.error)).toEqual({ geometry: { key: 'pipeTools.error.tooLong', values: { max: 1000 } } });
	});
});
