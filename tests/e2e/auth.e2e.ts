import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build';
import { createAdmin, submitSignIn, type Account } from './harness/accounts';
import { launchChromium } from './harness/browser';
import { scratchDatabase, type ScratchDatabase } from './harness/database';
import { spawnApp, type AppProcess } from './harness/server';

const RESULTS = join(ROOT, 'test-results');
const ADMIN: Account = { email: 'admin@example.cn', password: 'admin password 1', name: '区住建局管理员' };
const EDITOR = { email: 'wang@example.cn', name: '王芳', subdistrict: '370303006' };

// A server of its own (the shared one's users would leak into other files), on a database
// whose first admin comes from `npm run admin:create`, as the README tells an operator.
describe('accounts and sign-in', () => {
	let database: ScratchDatabase;
	let app: AppProcess;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	let editorPassword = '';

	async function start(env: Record<string, string> = {}): Promise<void> {
		app = await spawnApp({ ...database.env, ...env });
		await app.waitUntilServing();
	}

	async function newPage(): Promise<Page> {
		const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 800 } });
		contexts.push(context);
		return context.newPage();
	}

	beforeAll(async () => {
		await mkdir(RESULTS, { recursive: true });
		database = await scratchDatabase();
		expect(await createAdmin(database.env, ADMIN)).toMatch(/Created the administrator 区住建局管理员 <admin@example.cn>/);
		await start();
		browser = await launchChromium();
	}, 240_000);

	afterAll(async () => {
		await browser?.close();
		await app?.stop();
		await database?.dispose();
	});

	it('offers the public a sign-in link, and sends /admin/users to sign in first', async () => {
		const page = await newPage();
		await page.goto('/');
		expect(await page.locator('header a[href="/login"]').innerText()).toBe('登录');
		await page.goto('/admin/users');
		expect(new URL(page.url()).pathname).toBe('/login');
		expect(new URL(page.url()).searchParams.get('next')).toBe('/admin/users');
	});

	it('answers a wrong password and an unknown address with one message', async () => {
		const page = await newPage();
		await submitSignIn(page, ADMIN.email, 'not the password');
		const error = page.locator('[data-testid=login-error]');
		await expect.poll(() => error.innerText()).toBe('邮箱或密码不正确。');
		await submitSignIn(page, 'nobody@example.cn', 'not the password');
		await expect.poll(() => error.innerText()).toBe('邮箱或密码不正确。');
		await page.screenshot({ path: join(RESULTS, 'auth-login.png') });
	});

	it('lets the admin sign in and add an editor for one sub-district, with a password shown once', async () => {
		const page = await newPage();
		await submitSignIn(page, ADMIN.email, ADMIN.password, '/login?next=/admin/users');
		await page.waitForURL((url) => url.pathname === '/admin/users');
		expect(await page.locator('h1').innerText()).toBe('用户管理');

		await page.locator('input[name=email]').fill(EDITOR.email);
		await page.locator('input[name=displayName]').fill(EDITOR.name);
		await page.locator('select[name=appRole]').selectOption('editor');
		await page.locator(`input[name=subdistricts][value="${EDITOR.subdistrict}"]`).check();
		await page.getByRole('button', { name: '添加', exact: true }).click();

		const secret = page.locator('[data-testid=one-time-password] code');
		await expect.poll(() => secret.count()).toBe(1);
		editorPassword = await secret.innerText();
		expect(editorPassword).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
		const row = page.locator(`[data-testid=member-row][data-email="${EDITOR.email}"]`);
		await expect.poll(() => row.innerText()).toMatch(/王芳.*街道\/镇办（编辑）.*正常/s);
		await page.screenshot({ path: join(RESULTS, 'auth-admin-users.png'), fullPage: true });

		// The password is not in the page once it is reloaded: it was shown once.
		await page.reload();
		expect(await page.locator('[data-testid=one-time-password]').count()).toBe(0);
		expect(await page.content()).not.toContain(editorPassword);
	});

	it('lets the editor sign in, without the users page (403 from the server)', async () => {
		const page = await newPage();
		await submitSignIn(page, EDITOR.email, editorPassword, '/login?next=/logout');
		await page.waitForURL((url) => url.pathname === '/logout');
		expect(await page.locator('main').innerText()).toContain('当前登录：王芳（wang@example.cn）');
		expect(await page.locator('a[href="/admin/users"]').count()).toBe(0);

		await page.goto('/');
		expect(await page.locator('header').innerText()).toContain('王芳 · 退出');
		expect(await page.locator('header a[href="/admin/users"]').count()).toBe(0);

		const response = await page.goto('/admin/users');
		expect(response?.status()).toBe(403);
		expect(await page.locator('body').innerText()).toContain('只有系统管理员可以管理用户。');
		// A forged form post gets the same answer.
		const forged = await page.request.post('/admin/users?/create', {
			form: { email: 'forged@example.cn', displayName: 'x', appRole: 'admin' },
			headers: { origin: app.url }
		});
		expect(forged.status()).toBe(403);

		await page.goto('/logout');
		await page.getByRole('button', { name: '退出登录', exact: true }).click();
		await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.has('signedout'));
		await page.goto('/');
		expect(await page.locator('header a[href="/login"]').innerText()).toBe('登录');
	});

	it('ends the session in another browser on "sign out everywhere"', async () => {
		const [here, there] = [await newPage(), await newPage()];
		for (const page of [here, there]) {
			await submitSignIn(page, EDITOR.email, editorPassword, '/login?next=/logout');
			await page.waitForURL((url) => url.pathname === '/logout');
		}
		await here.locator('[data-testid=sign-out-everywhere]').click();
		await here.waitForURL((url) => url.pathname === '/login' && url.searchParams.has('signedout'));
		expect(await here.locator('[data-testid=login-notice]').innerText()).toBe('您已退出登录。');

		await there.goto('/');
		expect(new URL(there.url()).pathname).toBe('/login');
		expect(await there.locator('[data-testid=login-notice]').innerText()).toBe('登录已过期或已在别处退出，请重新登录。');
	});

	it('lets the admin rename, disable and enable a member, and reset their password', async () => {
		const page = await newPage();
		page.on('dialog', (dialog) => void dialog.accept()); // the confirmations before disabling and resetting
		await submitSignIn(page, ADMIN.email, ADMIN.password, '/login?next=/admin/users');
		await page.waitForURL((url) => url.pathname === '/admin/users');
		const row = page.locator(`[data-testid=member-row][data-email="${EDITOR.email}"]`);

		await row.getByRole('button', { name: '编辑' }).click();
		await page.locator('tr.editing input[name=displayName]').fill('王芳芳');
		await page.locator('tr.editing').getByRole('button', { name: '保存' }).click();
		await expect.poll(() => row.locator('td').first().innerText()).toBe('王芳芳');
		expect(await page.locator('tr.editing').count()).toBe(0);

		await row.getByRole('button', { name: '停用' }).click();
		await expect.poll(() => row.innerText()).toContain('已停用');
		const editor = await newPage();
		await submitSignIn(editor, EDITOR.email, editorPassword);
		await expect.poll(() => editor.locator('[data-testid=login-error]').innerText()).toBe('此账户已被停用，请联系系统管理员。');

		await row.getByRole('button', { name: '启用' }).click();
		await expect.poll(() => row.innerText()).toContain('正常');
		await row.getByRole('button', { name: '重置密码' }).click();
		const secret = page.locator('[data-testid=one-time-password] code');
		await expect.poll(() => secret.count()).toBe(1);
		const fresh = await secret.innerText();
		expect(fresh).not.toBe(editorPassword);
		editorPassword = fresh;
		await submitSignIn(editor, EDITOR.email, editorPassword, '/login?next=/logout');
		await editor.waitForURL((url) => url.pathname === '/logout');
		expect(await editor.locator('main').innerText()).toContain('当前登录：王芳芳');
	});

	it('stops repeated failures for an account, saying how long to wait (in English too)', async () => {
		const page = await newPage();
		const error = page.locator('[data-testid=login-error]');
		const seen: string[] = [];
		for (let attempt = 1; attempt <= 5; attempt++) {
			await submitSignIn(page, 'guessed@example.cn', `guess ${attempt}`, '/login?lang=en');
			await expect.poll(() => error.innerText()).toMatch(/./);
			// The same message twice in a row does not change the text: wait for this answer.
			await page.waitForLoadState('networkidle');
			seen.push(await error.innerText());
		}
		expect(seen.slice(0, 4)).toEqual(Array(4).fill('Wrong email or password.'));
		expect(seen[4]).toBe('Too many failed attempts. Try again in 15 minutes.');
		await submitSignIn(page, 'guessed@example.cn', 'guess 6', '/login?lang=zh-CN');
		await expect.poll(() => error.innerText()).toBe('登录失败次数过多，请 15 分钟后再试。');
	});

	it('sends a member whose session has expired back to sign in, with a notice', async () => {
		await app.stop();
		await start({ SESSION_TTL_S: '4' });
		const page = await newPage();
		await submitSignIn(page, ADMIN.email, ADMIN.password, '/login?next=/admin/users');
		await page.waitForURL((url) => url.pathname === '/admin/users');
		await new Promise((resolve) => setTimeout(resolve, 4_500));
		await page.reload();
		const url = new URL(page.url());
		expect(url.pathname).toBe('/login');
		expect(url.searchParams.get('expired')).toBe('1');
		expect(url.searchParams.get('next')).toBe('/admin/users');
		expect(await page.locator('[data-testid=login-notice]').innerText()).toBe('登录已过期或已在别处退出，请重新登录。');
	}, 90_000);
});
