import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuthRequest } from '../../src/lib/server/auth/provider';
import { supabaseProvider } from '../../src/lib/server/auth/supabase';
import { memberOf } from '../../src/lib/server/auth/member';
import { asCaller, type Caller } from '../../src/lib/server/db/roles';
import { backends, openSeeded, type Scratch } from './backends';

// The Supabase path runs the real @supabase/ssr and supabase-js code against a small
// stand-in for the four Auth endpoints it calls (sign-in, the signing keys, sign-out and the
// admin users API): no Supabase project is reachable from CI. The stand-in signs access
// tokens with an ES256 key, so getClaims() verifies them with WebCrypto as it would against
// a project with asymmetric signing keys; it never looks at a token's contents for them.

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

interface AuthUser {
	id: string;
	email: string;
	password: string;
}

class AuthStandIn {
	server!: Server;
	url = '';
	users = new Map<string, AuthUser>();
	requests: string[] = [];
	readonly key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	readonly kid = randomUUID();

	async start(): Promise<void> {
		this.server = createServer((req, res) => void this.handle(req, res));
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	stop(): Promise<void> {
		return new Promise((resolve) => this.server.close(() => resolve()));
	}

	/** An access token for `user`, signed with `key` (the project's, unless a forger's). */
	token(user: AuthUser, key: KeyObject = this.key.privateKey, expiresIn = 3600): string {
		const now = Math.floor(Date.now() / 1000);
		const header = b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: this.kid }));
		const payload = b64url(
			JSON.stringify({
				sub: user.id,
				email: user.email,
				role: 'authenticated',
				aud: 'authenticated',
				iss: `${this.url}/auth/v1`,
				iat: now,
				exp: now + expiresIn,
				session_id: randomUUID(),
				app_metadata: {},
				user_metadata: {}
			})
		);
		const signature = sign('sha256', Buffer.from(`${header}.${payload}`), { key, dsaEncoding: 'ieee-p1363' });
		return `${header}.${payload}.${b64url(signature)}`;
	}

	session(user: AuthUser, accessToken = this.token(user)) {
		return {
			access_token: accessToken,
			token_type: 'bearer',
			expires_in: 3600,
			expires_at: Math.floor(Date.now() / 1000) + 3600,
			refresh_token: randomUUID(),
			user: this.userJson(user)
		};
	}

	private userJson(user: AuthUser) {
		return {
			id: user.id,
			aud: 'authenticated',
			role: 'authenticated',
			email: user.email,
			app_metadata: {},
			user_metadata: {},
			created_at: new Date().toISOString()
		};
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', this.url);
		this.requests.push(`${req.method} ${url.pathname}`);
		let body = '';
		for await (const chunk of req) body += chunk;
		const json = body ? JSON.parse(body) : {};
		const send = (status: number, data?: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(data === undefined ? '' : JSON.stringify(data));
		};
		if (url.pathname === '/auth/v1/.well-known/jwks.json') {
			const jwk = this.key.publicKey.export({ format: 'jwk' });
			return send(200, { keys: [{ ...jwk, kid: this.kid, alg: 'ES256', use: 'sig' }] });
		}
		if (url.pathname === '/auth/v1/token' && url.searchParams.get('grant_type') === 'password') {
			const user = [...this.users.values()].find((u) => u.email === json.email);
			if (!user || user.password !== json.password) {
				return send(400, { code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' });
			}
			return send(200, this.session(user));
		}
		if (url.pathname === '/auth/v1/token') return send(400, { code: 400, error_code: 'refresh_token_not_found', msg: 'Invalid Refresh Token' });
		if (url.pathname === '/auth/v1/logout') return send(204);
		if (url.pathname === '/auth/v1/admin/users' && req.method === 'POST') {
			if ([...this.users.values()].some((u) => u.email === json.email)) {
				return send(422, { code: 422, error_code: 'email_exists', msg: 'A user with this email address has already been registered' });
			}
			const user = { id: randomUUID(), email: json.email, password: json.password };
			this.users.set(user.id, user);
			return send(200, this.userJson(user));
		}
		const one = url.pathname.match(/^\/auth\/v1\/admin\/users\/([0-9a-f-]+)$/);
		const found = one ? this.users.get(one[1]) : undefined;
		if (one && !found) return send(404, { code: 404, error_code: 'user_not_found', msg: 'User not found' });
		if (found && req.method === 'GET') return send(200, this.userJson(found));
		if (found && req.method === 'DELETE') {
			this.users.delete(found.id);
			return send(200, {});
		}
		return send(404, { msg: 'not in the stand-in' });
	}
}

/** A request's cookies as SvelteKit's `cookies` would hold them across one browser's requests. */
function browser(client = '203.0.113.7') {
	const jar = new Map<string, string>();
	const request = {
		url: new URL('http://127.0.0.1/login'),
		request: new Request('http://127.0.0.1/login'),
		getClientAddress: () => client,
		cookies: {
			get: (name: string) => jar.get(name),
			getAll: () => [...jar].map(([name, value]) => ({ name, value })),
			set: (name: string, value: string, options?: { maxAge?: number }) => {
				if (value === '' || options?.maxAge === 0) jar.delete(name);
				else jar.set(name, value);
			},
			delete: (name: string) => void jar.delete(name),
			serialize: () => ''
		}
	} as unknown as AuthRequest;
	return { jar, request };
}

describe.each(backends.filter((b) => b.name === 'pglite'))('Supabase Auth sign-in ($name)', (backend) => {
	const auth = new AuthStandIn();
	let scratch: Scratch;
	let provider: ReturnType<typeof supabaseProvider>;
	const editor: AuthUser = { id: randomUUID(), email: 'editor@example.cn', password: 'correct horse battery' };
	const adminId = randomUUID();
	const admin: Caller = { role: 'authenticated', userId: adminId, appRole: 'admin', subdistricts: [] };

	beforeAll(async () => {
		await auth.start();
		scratch = await openSeeded(backend);
		await scratch.db.query(
			`insert into public.staff (user_id, email, display_name, app_role, subdistricts)
			 values ($1, 'editor@example.cn', '镇办编辑', 'editor', '{370303006}'),
			        ($2, 'admin@example.cn', '管理员', 'admin', '{}')`,
			[editor.id, adminId]
		);
		provider = supabaseProvider({
			database: async () => scratch.db,
			url: auth.url,
			anonKey: 'anon-key',
			serviceRoleKey: 'service-role-key'
		});
	});
	afterAll(async () => {
		await scratch?.dispose();
		await auth.stop();
	});
	beforeEach(async () => {
		auth.users.set(editor.id, editor);
		auth.requests = [];
		await scratch.db.query(`delete from accounts.sign_in_failures`);
	});

	it('signs in with the right password and knows the user on the next request from the verified token', async () => {
		const { jar, request } = browser();
		const outcome = await provider.signIn(request, ' Editor@Example.cn ', editor.password);
		expect(outcome).toEqual({ ok: true, identity: { userId: editor.id, email: editor.email } });
		expect([...jar.keys()].some((name) => /^sb-.+-auth-token/.test(name))).toBe(true);

		const next = browser();
		for (const [name, value] of jar) next.jar.set(name, value);
		const state = await provider.session(next.request);
		expect(state).toEqual({ state: 'active', identity: { userId: editor.id, email: editor.email } });
		expect(auth.requests).toContain('GET /auth/v1/.well-known/jwks.json');

		// …and the same claims as on local accounts follow from the staff row.
		const member = await memberOf(scratch.db, { userId: editor.id, email: editor.email });
		expect(member).toMatchObject({ caller: { role: 'authenticated', userId: editor.id, appRole: 'editor', subdistricts: ['370303006'] } });
	});

	it('does not trust a session cookie whose token another key signed', async () => {
		const forger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
		const { jar, request } = browser();
		await provider.signIn(request, editor.email, editor.password);
		const [name, value] = [...jar].find(([n]) => /^sb-.+-auth-token/.test(n))!;
		const session = JSON.parse(Buffer.from(value.replace(/^base64-/, ''), 'base64url').toString());
		const forged = { ...session, access_token: auth.token(editor, forger.privateKey) };
		const next = browser();
		next.jar.set(name, `base64-${b64url(JSON.stringify(forged))}`);
		expect(await provider.session(next.request)).toEqual({ state: 'ended' });
	});

	it('without a cookie the request is the public, and asks the Auth server nothing', async () => {
		expect(await provider.session(browser().request)).toEqual({ state: 'none' });
		expect(auth.requests).toEqual([]);
	});

	it('answers a wrong password like an unknown address, then limits the account', async () => {
		const { request } = browser();
		expect(await provider.signIn(request, editor.email, 'wrong')).toEqual({ ok: false, reason: 'invalid' });
		expect(await provider.signIn(request, 'nobody@example.cn', 'wrong')).toEqual({ ok: false, reason: 'invalid' });
		for (let i = 0; i < 4; i++) await provider.signIn(request, editor.email, 'wrong');
		const limited = await provider.signIn(request, editor.email, editor.password);
		expect(limited).toMatchObject({ ok: false, reason: 'rate_limited' });
		expect((limited as { retryAfterS: number }).retryAfterS).toBeGreaterThan(800);
	});

	it('lets an admin create a member, with the staff row in the same step', async () => {
		const created = await provider.createAccount(admin, { email: 'new@example.cn', password: 'a long new password' }, async (tx, userId) => {
			await tx.query(
				`insert into public.staff (user_id, email, display_name, app_role, subdistricts) values ($1, 'new@example.cn', '新编辑', 'editor', '{370303008}')`,
				[userId]
			);
			return userId;
		});
		expect([...auth.users.values()].map((u) => u.email)).toContain('new@example.cn');
		const [row] = await scratch.db.query<{ app_role: string }>(`select app_role from public.staff where user_id = $1`, [created]);
		expect(row.app_role).toBe('editor');
	});

	it('removes the new sign-in again when the staff row is refused', async () => {
		await expect(
			provider.createAccount(admin, { email: 'half@example.cn', password: 'a long new password' }, async (tx, userId) => {
				await tx.query(
					`insert into public.staff (user_id, email, display_name, app_role, subdistricts) values ($1, 'half@example.cn', 'x', 'editor', '{}')`,
					[userId]
				);
			})
		).rejects.toThrow(/staff_editor_has_subdistricts/);
		expect([...auth.users.values()].map((u) => u.email)).not.toContain('half@example.cn');
	});

	it('asks the database before the Auth server: an editor cannot create accounts', async () => {
		const asEditor: Caller = { role: 'authenticated', userId: editor.id, appRole: 'editor', subdistricts: ['370303006'] };
		await expect(provider.createAccount(asEditor, { email: 'x@example.cn', password: 'a long new password' }, async () => {})).rejects.toThrow(
			/only admins/
		);
		expect(auth.requests.filter((r) => r.includes('/admin/'))).toEqual([]);
		// The check is the database's: it reads the admin claim through private.is_admin().
		const [may] = await asCaller(scratch.db, admin, (tx) => tx.query<{ may: boolean }>(`select (select private.is_admin()) as may`));
		expect(may.may).toBe(true);
	});
});
