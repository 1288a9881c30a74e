import { describe, expect, it } from 'vitest';
import { fieldErrors, formFields, memberChangeSchema, memberStatusSchema, newMemberSchema } from './staff';

function form(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [name, value] of entries) data.append(name, value);
	return data;
}

describe('the staff forms’ schema', () => {
	it('reads checkboxes as a list and a blank optional field as absent', () => {
		const fields = formFields(form([['email', 'a@b.cn'], ['password', ''], ['subdistricts', '370303006'], ['subdistricts', '370303008']]), ['subdistricts']);
		expect(fields).toEqual({ email: 'a@b.cn', subdistricts: ['370303006', '370303008'] });
		expect(formFields(form([]), ['subdistricts'])).toEqual({ subdistricts: [] });
	});

	it('takes a new editor with an address in lower case and their sub-districts', () => {
		const parsed = newMemberSchema.parse({ email: ' Wang@Example.CN ', displayName: ' 王芳 ', appRole: 'editor', subdistricts: ['370303006', '370303006'] });
		expect(parsed).toEqual({ email: 'wang@example.cn', displayName: '王芳', appRole: 'editor', subdistricts: ['370303006'] });
	});

	it('refuses an editor without a sub-district, naming the field', () => {
		const result = newMemberSchema.safeParse({ email: 'a@b.cn', displayName: '王芳', appRole: 'editor', subdistricts: [] });
		expect(result.success).toBe(false);
		expect(fieldErrors(result.error!)).toEqual({ subdistricts: 'admin.errors.editorNeedsSubdistrict' });
	});

	it('keeps no sub-districts for other roles, where they would grant nothing', () => {
		const parsed = newMemberSchema.parse({ email: 'a@b.cn', displayName: '李明', appRole: 'planner', subdistricts: ['370303006'] });
		expect(parsed.subdistricts).toEqual([]);
	});

	it('says what is wrong with each field in i18n keys', () => {
		const result = newMemberSchema.safeParse({ email: 'not-an-address', displayName: '', appRole: 'viewer', subdistricts: ['12'], password: 'short' });
		expect(fieldErrors(result.error!)).toEqual({
			email: 'admin.errors.email',
			displayName: 'admin.errors.displayName',
			appRole: 'admin.errors.role',
			subdistricts: 'admin.errors.unknownSubdistrict',
			password: 'admin.errors.passwordLength'
		});
	});

	it('needs the member and the version a change was made over', () => {
		expect(memberChangeSchema.safeParse({ displayName: '王芳', appRole: 'leader' }).success).toBe(false);
		const change = memberChangeSchema.parse({ userId: '00000000-0000-4000-8000-000000000001', version: '3', displayName: '王芳', appRole: 'leader' });
		expect(change.version).toBe(3);
		expect(memberStatusSchema.parse({ userId: '00000000-0000-4000-8000-000000000001', version: '2', disabled: 'true' }).disabled).toBe(true);
		expect(memberStatusSchema.parse({ userId: '00000000-0000-4000-8000-000000000001', version: '2', disabled: 'false' }).disabled).toBe(false);
	});
});
