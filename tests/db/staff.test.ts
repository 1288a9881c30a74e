import type { Cookies } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewMember } from '../../src/lib/domain/staff';
import { localProvider } from '../../src/lib/server/auth/local';
import type { AuthProvider, AuthRequest } from '../../src/lib/server/auth/provider';
import type { Caller } from '../../src/lib/server/db/roles';
import { StaffError } from '../../src/lib/server/staff/errors';
import { listStaff } from '../../src/lib/server/staff/read';
import { changeMember, createMember, resetPassword, setDisabled, type StaffDeps } from '../../src/lib/server/staff/write';
import { backends, openSeeded, type Scratch } from './backends';

const SERVICE: Caller = { role: 'service_role' };

function request(): AuthRequest {
	const jar = new Map<string, string>();
	const cookies: Cookies = {
		get: (name) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: (name, value) => void jar.set(name, value),
		delete: (name) => void jar.delete(name),
		serialize: () => ''
	};
	return { cookies, url: new URL('http://127.0.0.1/login'), request: new Request('http://127.0.0.1/login'), getClientAddress: () => '198.51.100.1' };
}

const callerOf = (userId: string, appRole: 'admin' | 'editor', subdistricts: string[] = []): Caller => ({
	role: 'authenticated',
	userId,
	appRole,
	subdistricts
});

/** The refusal `work` ends in, as the admin's page would show it. */
async function refusal(work: Promise<unknown>): Promise<Pick<StaffError, 'status' | 'key' | 'field'>> {
	const error = await work.then(
		() => undefined,
		(e: unknown) => e
	);
	if (!(error instanceof StaffError)) throw new Error(`expected a StaffError, got ${String(error)}`);
	return { status: error.status, key: error.key, field: error.field };
}

describe.each(backends)('managing staff on $name', (backend) => {
	let scratch: Scratch;
	let deps: StaffDeps;
	let auth: AuthProvider;
	let admin: Caller;
	const editorInput: NewMember = { email: 'wang@example.cn', displayName: '王芳', appRole: 'editor', subdistricts: ['370303006'] };

	beforeAll(async () => {
		scratch = await openSeeded(backend);
		auth = localProvider({ database: async () => scratch.db, sessionTtlS: 3600 });
		deps = { database: scratch.db, provider: auth };
		const { member } = await createMember(deps, SERVICE, { email: 'admin@example.cn', displayName: '管理员', appRole: 'admin', subdistricts: [], password: 'admin password 1' });
		admin = callerOf(member.userId, 'admin');
	});
	afterAll(() => scratch?.dispose());

	it('adds a member with a generated password, shown once, that signs in', async () => {
		const { member, password } = await createMember(deps, admin, editorInput);
		expect(member).toMatchObject({ email: 'wang@example.cn', appRole: 'editor', subdistricts: ['370303006'], disabled: false, version: 1 });
		expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
		expect(await auth.signIn(request(), 'wang@example.cn', password)).toMatchObject({ ok: true, identity: { userId: member.userId } });
		// The admin is the actor on the record.
		const [entry] = await scratch.db.query<{ actor_name: string; action: string }>(
			`select actor_name, action from public.audit_log where table_name = 'staff' and row_id = $1`,
			[member.userId]
		);
		expect(entry).toEqual({ actor_name: '管理员', action: 'insert' });
	});

	it('says an address is taken, and leaves no half-made account behind', async () => {
		expect(await refusal(createMember(deps, admin, { ...editorInput, displayName: '另一个' }))).toEqual({ status: 409, key: 'admin.errors.emailTaken', field: 'email' });
		const [{ n }] = await scratch.db.query<{ n: number }>(`select count(*)::int as n from accounts.users where email = 'wang@example.cn'`);
		expect(n).toBe(1);
	});

	it('names an unknown sub-district, and creates nothing', async () => {
		const input = { ...editorInput, email: 'li@example.cn', subdistricts: ['370303999'] };
		expect(await refusal(createMember(deps, admin, input))).toEqual({ status: 400, key: 'admin.errors.unknownSubdistrict', field: 'subdistricts' });
		const [{ n }] = await scratch.db.query<{ n: number }>(`select count(*)::int as n from accounts.users where email = 'li@example.cn'`);
		expect(n).toBe(0);
	});

	it('is refused by the database for anyone but an admin', async () => {
		const [wang] = (await listStaff(scratch.db, admin)).filter((m) => m.email === 'wang@example.cn');
		const editor = callerOf(wang.userId, 'editor', ['370303006']);
		expect(await refusal(createMember(deps, editor, { ...editorInput, email: 'zhao@example.cn' }))).toEqual({ status: 403, key: 'admin.errors.forbidden', field: undefined });
		// The staff row is invisible to an editor except their own, so a change finds nothing.
		expect(await refusal(changeMember(deps, editor, { userId: admin.role === 'authenticated' ? admin.userId : '', version: 1, displayName: 'x', appRole: 'editor', subdistricts: ['370303006'] }))).toMatchObject({ status: 404 });
		expect((await listStaff(scratch.db, editor)).map((m) => m.email)).toEqual(['wang@example.cn']);
		await expect(resetPassword(deps, editor, { userId: admin.role === 'authenticated' ? admin.userId : '', password: 'taken over 123' })).rejects.toBeInstanceOf(StaffError);
	});

	it('saves a change only over the version it was made from, and says who changed it since', async () => {
		const [wang] = (await listStaff(scratch.db, admin)).filter((m) => m.email === 'wang@example.cn');
		const seen = wang.version;
		const first = await changeMember(deps, admin, { userId: wang.userId, version: seen, displayName: '王芳芳', appRole: 'editor', subdistricts: ['370303006', '370303008'] });
		expect(first).toMatchObject({ displayName: '王芳芳', subdistricts: ['370303006', '370303008'], version: seen + 1 });
		const stale = changeMember(deps, admin, { userId: wang.userId, version: seen, displayName: '王', appRole: 'leader', subdistricts: [] });
		const error = await stale.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StaffError);
		expect(error).toMatchObject({ status: 409, key: 'admin.errors.conflict', values: { who: '管理员' } });
		expect((await listStaff(scratch.db, admin)).find((m) => m.userId === wang.userId)).toMatchObject({ displayName: '王芳芳', appRole: 'editor' });
	});

	it('disables a member, ending their sessions, and enables them again', async () => {
		const [wang] = (await listStaff(scratch.db, admin)).filter((m) => m.email === 'wang@example.cn');
		const { password } = await resetPassword(deps, admin, { userId: wang.userId });
		const browser = request();
		await auth.signIn(browser, 'wang@example.cn', password);
		const off = await setDisabled(deps, admin, { userId: wang.userId, version: wang.version, disabled: true });
		expect(off.disabled).toBe(true);
		expect(await auth.session(browser)).toEqual({ state: 'ended' });
		const on = await setDisabled(deps, admin, { userId: wang.userId, version: off.version, disabled: false });
		expect(on).toMatchObject({ disabled: false, version: off.version + 1 });
	});

	it('resets a password: the old one stops working, sessions end, the new one is shown once', async () => {
		const [wang] = (await listStaff(scratch.db, admin)).filter((m) => m.email === 'wang@example.cn');
		const before = await resetPassword(deps, admin, { userId: wang.userId, password: 'first password 1' });
		const browser = request();
		await auth.signIn(browser, 'wang@example.cn', 'first password 1');
		const after = await resetPassword(deps, admin, { userId: wang.userId });
		expect(after.password).not.toBe(before.password);
		expect(await auth.session(browser)).toEqual({ state: 'ended' });
		expect(await auth.signIn(request(), 'wang@example.cn', 'first password 1')).toEqual({ ok: false, reason: 'invalid' });
		expect(await auth.signIn(request(), 'wang@example.cn', after.password)).toMatchObject({ ok: true });
	});

	it('keeps an admin from disabling themselves or giving up their own admin role', async () => {
		const userId = admin.role === 'authenticated' ? admin.userId : '';
		expect(await refusal(setDisabled(deps, admin, { userId, version: 1, disabled: true }))).toMatchObject({ status: 400, key: 'admin.errors.self' });
		expect(await refusal(changeMember(deps, admin, { userId, version: 1, displayName: '管理员', appRole: 'planner', subdistricts: [] }))).toMatchObject({ status: 400, key: 'admin.errors.self' });
	});
});
