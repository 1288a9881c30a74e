import { describe, expect, it } from 'vitest';
import { catalogueItemSchema, keepsCatalogue, newCatalogueItemSchema, offered } from './catalogue';
import { fieldErrors } from './input';

const item = { itemClass: 'improvement', part: 'outside_buildings', unit: ' 处 ', isServiceRoom: true, nameZh: '社区用房', nameEn: 'Community room', retired: false };

describe('the catalogue item schemas', () => {
	it('accept an item and trim its text; an edit leaves the code out', () => {
		expect(catalogueItemSchema.parse({ ...item, code: 'ignored' })).toEqual({ ...item, unit: '处' });
		expect(newCatalogueItemSchema.parse({ ...item, code: 'community_room' }).code).toBe('community_room');
	});

	it.each([
		[{ code: 'Community Room' }, { code: { key: 'edit.error.format' } }],
		[{ code: 'room', itemClass: 'luxury' }, { itemClass: { key: 'edit.error.choice' } }],
		[{ code: 'room', unit: '' }, { unit: { key: 'edit.error.required', values: { min: 1 } } }],
		[{ code: 'room', nameZh: '长'.repeat(61) }, { nameZh: { key: 'edit.error.max', values: { max: 60 } } }]
	])('refuse %j', (changes, errors) => {
		const result = newCatalogueItemSchema.safeParse({ ...item, ...changes });
		expect(result.success).toBe(false);
		if (!result.success) expect(fieldErrors(result.error)).toEqual(errors);
	});
});

describe('the catalogue', () => {
	it('is kept by planners and admins only', () => {
		const actor = (appRole: 'editor' | 'planner' | 'leader' | 'admin' | null) => ({ appRole, subdistricts: [] });
		expect([null, 'editor', 'planner', 'leader', 'admin'].map((r) => keepsCatalogue(actor(r as never)))).toEqual([false, false, true, false, true]);
		expect(keepsCatalogue(null)).toBe(false);
	});

	it('offers a plan item the items not retired, and the one it has already', () => {
		const catalogue = [
			{ code: 'roads', retired: false },
			{ code: 'old', retired: true },
			{ code: 'older', retired: true }
		];
		expect(offered(catalogue).map((k) => k.code)).toEqual(['roads']);
		expect(offered(catalogue, 'old').map((k) => k.code)).toEqual(['roads', 'old']);
	});
});
