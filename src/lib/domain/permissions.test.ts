import { describe, expect, it } from 'vitest';
import { mayEditSomething, NO_RIGHTS, rightsOver } from './permissions';

const A = '370303006';
const B = '370303008';

describe('rights over a community, as the policies give them', () => {
	it('give planners and admins everything, anywhere', () => {
		for (const appRole of ['planner', 'admin'] as const) {
			expect(rightsOver({ appRole, subdistricts: [] }, B)).toEqual({ facts: true, progress: true, buildings: true, geometry: true, publish: true, history: true });
		}
	});

	it('give an editor its own sub-districts’ facts, progress, buildings, geometry and record, never publishing', () => {
		const editor = { appRole: 'editor' as const, subdistricts: [A] };
		expect(rightsOver(editor, A)).toEqual({ facts: true, progress: true, buildings: true, geometry: true, publish: false, history: true });
		expect(rightsOver(editor, B)).toEqual(NO_RIGHTS);
	});

	it('let a leader read the record and change nothing', () => {
		const rights = rightsOver({ appRole: 'leader', subdistricts: [A] }, A);
		expect(rights).toEqual({ ...NO_RIGHTS, history: true });
		expect(mayEditSomething(rights)).toBe(false);
	});

	it('give the public, and a user without a role, nothing', () => {
		expect(rightsOver(null, A)).toEqual(NO_RIGHTS);
		expect(rightsOver({ appRole: null, subdistricts: [A] }, A)).toEqual(NO_RIGHTS);
	});
});
