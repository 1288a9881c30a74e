import { spawn } from 'node:child_process';
import type { Page } from 'playwright-core';
import { ROOT } from '../../../scripts/build';

export interface Account {
	email: string;
	password: string;
	name: string;
}

/**
 * `npm run admin:create` as an operator runs it before the first start, with the password
 * piped in, on the database in `env` (PGLITE_DATA_DIR or DATABASE_URL).
 */
export function createAdmin(env: Record<string, string>, admin: Account): Promise<string> {
	const inherited = { ...process.env };
	delete inherited.DATABASE_URL;
	delete inherited.PGLITE_DATA_DIR;
	return new Promise((resolve, reject) => {
		const child = spawn('npm', ['run', '--silent', 'admin:create', '--', '--email', admin.email, '--name', admin.name], {
			cwd: ROOT,
			env: { ...inherited, ...env },
			stdio: ['pipe', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stdin.end(`${admin.password}\n`);
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`admin:create exited ${code}:\n${output}`))));
	});
}

/** Fills in the sign-in form at `path` and sends it; the caller waits for what follows. */
export async function submitSignIn(page: Page, email: string, password: string, path = '/login'): Promise<void> {
	// After the page's script has started: Svelte sets value={…} fields again when it takes
	// the page over, wiping what was typed before.
	await page.goto(path, { waitUntil: 'networkidle' });
	await page.locator('input[name=email]').fill(email);
	await page.locator('input[name=password]').fill(password);
	await page.locator('form button[type=submit]').click();
}
