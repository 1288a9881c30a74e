import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { onTestFailed } from 'vitest';
import { ROOT } from '../../../scripts/build';
import type { Account } from './accounts';
import { launchChromium } from './browser';
import { ADMIN, addMember, newPage, signIn, startEditingStage, type EditingStage, type Member } from './editing';

/**
 * A browser test of staff at work, on the editing stage: Chromium, a page per member (each
 * in a context of its own, so with its own session), the passwords the admin was shown, and
 * the pages of the running test with what their consoles said, kept under
 * test-results/<folder> when the test fails.
 */
export class StaffSession {
	readonly #contexts: BrowserContext[] = [];
	readonly #passwords = new Map<string, string>();
	#pages: { page: Page; log: string[] }[] = [];

	private constructor(
		readonly stage: EditingStage,
		readonly browser: Browser,
		private readonly folder: string
	) {}

	/** Starts the stage and Chromium; the admin then adds `members`, whose passwords are kept. */
	static async start(folder: string, members: readonly Member[] = []): Promise<StaffSession> {
		const stage = await startEditingStage();
		try {
			const session = new StaffSession(stage, await launchChromium(), folder);
			if (members.length) {
				const admin = await session.pageOf(ADMIN);
				for (const member of members) session.remember(member, await addMember(admin, member));
			}
			return session;
		} catch (error) {
			await stage.stop();
			throw error;
		}
	}

	/** Keeps the password the admin was shown for `member`. */
	remember(member: Member, password: string): void {
		this.#passwords.set(member.email, password);
	}

	/** A page of a fresh context, signed in as `member` unless it is the public's. */
	async pageOf(member?: Member | Account): Promise<Page> {
		const { context, page } = await newPage(this.browser, this.stage.app.url);
		this.#contexts.push(context);
		const log: string[] = [];
		page.on('console', (m) => log.push(`[${m.type()}] ${m.text()}`));
		page.on('pageerror', (e) => log.push(`[pageerror] ${e.message}`));
		this.#pages.push({ page, log });
		if (member) {
			const password = 'password' in member ? member.password : this.#passwords.get(member.email);
			if (!password) throw new Error(`${member.email} has no password yet`);
			await signIn(page, { email: member.email, password });
		}
		return page;
	}

	/** For beforeEach: forgets the last test's pages, and keeps this one's (a screenshot and the console) if it fails. */
	watch(task: { name: string }): void {
		this.#pages = [];
		onTestFailed(async () => {
			const dir = join(ROOT, 'test-results', this.folder);
			await mkdir(dir, { recursive: true });
			const slug = task.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'test';
			for (const [i, { page, log }] of this.#pages.entries()) {
				// Software WebGL can be slow to hand over a frame; a missing screenshot must not hide the failure.
				await page.screenshot({ path: join(dir, `${slug}-${i}.png`), timeout: 15_000 }).catch(() => undefined);
				await writeFile(join(dir, `${slug}-${i}.log`), `${page.url()}\n${log.join('\n')}\n`);
			}
		});
	}

	async close(): Promise<void> {
		for (const context of this.#contexts) await context.close().catch(() => undefined);
		await this.browser.close();
		await this.stage.stop();
	}
}

/** Resolves with the answer to the next `method` request for `path` (exact, or a pattern). */
export function answerTo(page: Page, method: string, path: string | RegExp): Promise<Response> {
	return page.waitForResponse((r) => {
		const pathname = new URL(r.url()).pathname;
		return r.request().method() === method && (typeof path === 'string' ? pathname === path : path.test(pathname));
	});
}
