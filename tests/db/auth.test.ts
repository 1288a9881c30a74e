import type { Cookies } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localProvider } from '../../src/lib/server/auth/local';
import { SESSION_COOKIE } from '../../src/lib/server/auth/local/cookie';
import { DEFAULT_LIMITS, type RateLimits } from '../../src/lib/server/auth/local/rate-limit';
import { memberOf } from '../../src/lib/server/auth/member';
import type { AuthProvider, AuthRequest } from '../../src/lib/server/auth/provider';
import { asCaller, type Caller } from '../../src/lib/server/db/roles';
import { createMember, setDisabled } from '../../src/lib/server/staff/write';
import { backends, openSeeded, type Scratch } from './backends';

const SERVICE: Caller = { role: 'service_role' };
const PASSWORD = 'correct horse battery';

interface SetCookie {
	value: string;
	options: Parameters<Cookies['set']>[2];
}

/** A request from `client` with a cookie jar, as SvelteKit's event gives one to the provider. */
function browser(client = '192.0.2.1', origin = 'http://127.0.0.1:5173') {
	const jar = new Map<string, SetCookie>();
	const cookies: Cookies = {
		get: (name) => jar.get(name)?.value,
		getAll: () => [...jar].map(([name, c]) => ({ name, value: c.value })),
		set: (name, value, options) => void jar.set(name, { value, options }),
		delete: (name) => void jar.delete(name),
		serialize: () => ''
	};
	const request: AuthRequest = { cookies, url: new URL(`${origin}/login`), request: new Request(`${origin}/login`), getClientAddress: () => client };
	return { request, jar, token: () => jar.get(SESSION_COOKIE)?.value };
}

describe.each(backends)('local accounts on $name', (backend) => {
	let scratch: Scratch;
	let auth: AuthProvider;
	const limits: RateLimits = { windowS: 900, perAccount: 3, perClient: 5 };
	let admin: Caller;
	const asOwner = <T>(sql: string, params: (string | number)[] = []) => scratch.db.query<T>(sql, params);

	beforeAll(async () => {
		scratch = await openSeeded(backend);
		auth = localProvider({ database: async () => scratch.db, sessionTtlS: 3600, limits });
		const { member } = await createMember({ database: scratch.db, provider: auth }, SERVICE, {
			email: 'admin@example.cn',
			displayName: '管理员',
			appRole: 'admin',
			subdistricts: [],
			password: PASSWORD
		});
		admin = { role: 'authenticated', userId: member.userId, appRole: 'admin', subdistricts: [] };
	});
	afterAll(() => scratch?.dispose());

	it('keeps the account tables from the API roles', async () => {
		for (const caller of [{ role: 'anon' }, admin] as Caller[]) {
			await expect(asCaller(scratch.db, caller, (tx) => tx.query('select * from accounts.users'))).rejects.toMatchObject({ code: '42501' });
			await expect(asCaller(scratch.db, caller, (tx) => tx.query('select * from accounts.sessions'))).rejects.toMatchObject({ code: '42501' });
		}
	});

	it('signs in with the right password, in a cookie scripts cannot read, keeping only the token’s hash', async () => {
		const b = browser();
		const outcome = await auth.signIn(b.request, ' Admin@Example.CN ', PASSWORD);
		expect(outcome).toMatchObject({ ok: true, identity: { userId: admin.role === 'authenticated' && admin.userId, email: 'admin@example.cn' } });
		const cookie = b.jar.get(SESSION_COOKIE)!;
		expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(cookie.options).toMatchObject({ path: '/', httpOnly: true, sameSite: 'lax', secure: false });
		const rows = await asOwner<{ token_hash: string }>('select token_hash from accounts.sessions');
		expect(rows.map((r) => r.token_hash)).not.toContain(cookie.value);
		expect(rows.some((r) => r.token_hash.length === 64)).toBe(true);
		expect(await auth.session(b.request)).toMatchObject({ state: 'active', identity: { email: 'admin@example.cn' } });
	});

	it('marks the cookie Secure when the site is served over https', async () => {
		const b = browser('192.0.2.9', 'https://atlas.example.cn');
		await auth.signIn(b.request, 'admin@example.cn', PASSWORD);
		expect(b.jar.get(SESSION_COOKIE)?.options).toMatchObject({ secure: true, httpOnly: true });
	});

	it('gives one answer for a wrong password and an unknown address', async () => {
		const b = browser('192.0.2.2');
		expect(await auth.signIn(b.request, 'admin@example.cn', 'wrong password')).toEqual({ ok: false, reason: 'invalid' });
		expect(await auth.signIn(b.request, 'nobody@example.cn', 'wrong password')).toEqual({ ok: false, reason: 'invalid' });
		expect(b.token()).toBeUndefined();
	});

	it('refuses an account after its limit of failures, says how long to wait, then lets it try again', async () => {
		const b = browser('192.0.2.3');
		const email = 'limit@example.cn';
		for (let i = 1; i < limits.perAccount; i++) expect(await auth.signIn(b.request, email, 'guess')).toEqual({ ok: false, reason: 'invalid' });
		const limited = await auth.signIn(b.request, email, 'guess');
		expect(limited).toMatchObject({ ok: false, reason: 'rate_limited' });
		expect(limited.ok === false && limited.reason === 'rate_limited' && limited.retryAfterS).toBeGreaterThan(limits.windowS - 30);
		// Another client is refused too: the count is the account's.
		expect(await auth.signIn(browser('192.0.2.4').request, email, 'guess')).toMatchObject({ reason: 'rate_limited' });
		const [{ n }] = await asOwner<{ n: number }>(`select count(*)::int as n from accounts.sign_in_failures where email = $1`, [email]);
		expect(n).toBe(limits.perAccount); // refused attempts are not counted, or the wait would never end

		// Once the failures are older than the window, the account may try again.
		await asOwner(`update accounts.sign_in_failures set at = at - interval '16 minutes' where email = $1`, [email]);
		expect(await auth.signIn(b.request, email, 'guess')).toEqual({ ok: false, reason: 'invalid' });
	});

	it('refuses even the right password while the account is limited, and forgets the failures after a success', async () => {
		const b = browser('192.0.2.5');
		await asOwner(`insert into accounts.sign_in_failures (email, client) select 'admin@example.cn', 'elsewhere' from generate_series(1, $1)`, [limits.perAccount]);
		expect(await auth.signIn(b.request, 'admin@example.cn', PASSWORD)).toMatchObject({ ok: false, reason: 'rate_limited' });
		expect(b.token()).toBeUndefined();
		await asOwner(`update accounts.sign_in_failures set at = at - interval '16 minutes' where email = 'admin@example.cn'`);
		await asOwner(`insert into accounts.sign_in_failures (email, client) values ('admin@example.cn', 'elsewhere')`);
		expect(await auth.signIn(b.request, 'admin@example.cn', PASSWORD)).toMatchObject({ ok: true });
		const [{ n }] = await asOwner<{ n: number }>(`select count(*)::int as n from accounts.sign_in_failures where email = 'admin@example.cn'`);
		expect(n).toBe(0);
	});

	it('limits a client guessing across many accounts', async () => {
		const client = '192.0.2.6';
		await asOwner(`insert into accounts.sign_in_failures (email, client) select 'x' || i || '@example.cn', $1 from generate_series(1, $2) i`, [client, limits.perClient - 1]);
		expect(await auth.signIn(browser(client).request, 'y@example.cn', 'guess')).toMatchObject({ ok: false, reason: 'rate_limited' });
		expect(await auth.signIn(browser(client).request, 'admin@example.cn', PASSWORD)).toMatchObject({ ok: false, reason: 'rate_limited' });
		// Others are not held up by one client's guessing.
		expect(await auth.signIn(browser('192.0.2.7').request, 'admin@example.cn', PASSWORD)).toMatchObject({ ok: true });
	});

	it('counts five failures per account and twenty per client in fifteen minutes by default', () => {
		expect(DEFAULT_LIMITS).toEqual({ windowS: 900, perAccount: 5, perClient: 20 });
	});

	it('ends a session when it expires, clears its cookie, and removes it at the next sign-in', async () => {
		const b = browser('192.0.2.8');
		await auth.signIn(b.request, 'admin@example.cn', PASSWORD);
		await asOwner(`update accounts.sessions set expires_at = now() - interval '1 second' where token_hash = encode(sha256(convert_to($1, 'utf8')), 'hex')`, [b.token()!]);
		expect(await auth.session(b.request)).toEqual({ state: 'ended' });
		expect(b.token()).toBeUndefined();
		expect(await auth.session(b.request)).toEqual({ state: 'none' });
		await auth.signIn(browser('192.0.2.8').request, 'admin@example.cn', PASSWORD);
		const [{ n }] = await asOwner<{ n: number }>(`select count(*)::int as n from accounts.sessions where expires_at <= now()`);
		expect(n).toBe(0);
	});

	it('lasts as long as configured from the sign-in', async () => {
		const shortLived = localProvider({ database: async () => scratch.db, sessionTtlS: 1, limits });
		const b = browser('192.0.2.10');
		await shortLived.signIn(b.request, 'admin@example.cn', PASSWORD);
		expect(await shortLived.session(b.request)).toMatchObject({ state: 'active' });
		await new Promise((resolve) => setTimeout(resolve, 1_100));
		expect(await shortLived.session(b.request)).toEqual({ state: 'ended' });
	});

	it('treats a cookie that is not a token of ours as ended, without looking it up', async () => {
		const b = browser();
		b.request.cookies.set(SESSION_COOKIE, "' or 1=1 --", { path: '/' });
		expect(await auth.session(b.request)).toEqual({ state: 'ended' });
	});

	it('signs out this browser only, or every browser of the user', async () => {
		const [one, two, three] = [browser('192.0.2.11'), browser('192.0.2.12'), browser('192.0.2.13')];
		for (const b of [one, two, three]) await auth.signIn(b.request, 'admin@example.cn', PASSWORD);
		await auth.signOut(one.request, 'local');
		expect(one.token()).toBeUndefined();
		expect(await auth.session(two.request)).toMatchObject({ state: 'active' });
		await auth.signOut(two.request, 'global');
		expect(await auth.session(three.request)).toEqual({ state: 'ended' });
		const [{ n }] = await asOwner<{ n: number }>(`select count(*)::int as n from accounts.sessions`);
		expect(n).toBe(0);
	});

	it('makes a verified user into the caller their staff row describes; no row, no role; disabled, signed out', async () => {
		const deps = { database: scratch.db, provider: auth };
		const { member: editor } = await createMember(deps, admin, {
			email: 'editor@example.cn',
			displayName: '编辑',
			appRole: 'editor',
			subdistricts: ['370303006'],
			password: PASSWORD
		});
		const b = browser('192.0.2.14');
		const signedIn = await auth.signIn(b.request, 'editor@example.cn', PASSWORD);
		expect(signedIn.ok).toBe(true);
		const member = await memberOf(scratch.db, { userId: editor.userId, email: editor.email });
		expect(member).toEqual({
			caller: { role: 'authenticated', userId: editor.userId, appRole: 'editor', subdistricts: ['370303006'] },
			user: { id: editor.userId, email: 'editor@example.cn', displayName: '编辑', appRole: 'editor', subdistricts: ['370303006'] }
		});

		const stranger = { userId: '00000000-0000-4000-8000-00000000abcd', email: 'stranger@example.cn' };
		expect(await memberOf(scratch.db, stranger)).toMatchObject({ caller: { appRole: null, subdistricts: [] }, user: { appRole: null } });

		await setDisabled(deps, admin, { userId: editor.userId, version: editor.version, disabled: true });
		expect(await memberOf(scratch.db, { userId: editor.userId, email: editor.email })).toEqual({ disabled: true });
		// The database ended the disabled member's sessions itself.
		expect(await auth.session(b.request)).toEqual({ state: 'ended' });
	});
});
