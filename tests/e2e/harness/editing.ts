import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openAppDatabase } from '../../../src/lib/server/db';
import { openPostgres } from '../../../src/lib/server/db/postgres';
import type { Database } from '../../../src/lib/server/db/types';
import { createAdmin, type Account } from './accounts';
import { scratchDatabase, type ScratchDatabase } from './database';
import { spawnApp, type AppProcess } from './server';

/**
 * The stage the editing tests and the README screenshots share: a fresh app on a database
 * of its own (they write), whose first admin comes from `npm run admin:create`, with one
 * community the public does not see yet, in the sub-district of the editor the admin adds.
 */

export const ADMIN: Account = { email: 'admin@example.cn', password: 'admin password 1', name: '区住建局管理员' };

export interface Member {
	email: string;
	name: string;
	role: 'editor' | 'planner';
	subdistricts: string[];
}
export const EDITOR: Member = { email: 'wang@example.cn', name: '王芳', role: 'editor', subdistricts: ['370303006'] };
export const PLANNER: Member = { email: 'li@example.cn', name: '李建国', role: 'planner', subdistricts: [] };

/** The community the fixture adds: 体育场街道 (370303006), in the 2025 batch, not yet published. */
export const NEW_COMMUNITY = {
	code: 'ZD-2025-01',
	name: '电业局宿舍',
	subdistrict: '370303006',
	/** Its centre, east of 玻璃制品厂家属院, where the demo data has no community. */
	centre: [118.059, 36.788] as [number, number],
	households: 108,
	residents: 290,
	stage: 'approval',
	statusAsOf: '2025-04-18'
} as const;

/** A published community of another sub-district (公园街道), from the demo data. */
export const ELSEWHERE = { code: 'ZD-2022-09', name: '电机厂家属院', subdistrict: '370303002' } as const;

/** The database as its owner: the one an operator migrates with (PGlite's only user is its superuser). */
export function openOwnerDatabase(database: ScratchDatabase): Promise<Database> {
	if ('PGLITE_DATA_DIR' in database.env) return openAppDatabase({ PGLITE_DATA_DIR: database.env.PGLITE_DATA_DIR });
	if (!database.ownerUrl) throw new Error(`no owner connection for ${database.label}`);
	return openPostgres(database.ownerUrl);
}

/**
 * The database as its owner and as the app opens it (on PostgreSQL the `authenticator`
 * login, which can only switch into the API roles). Embedded PGlite has one user, its
 * superuser, and one process at a time: there both are the same connection, and asCaller's
 * `set role` makes it the API role as on PostgreSQL.
 */
export async function openOwnerAndApp(database: ScratchDatabase): Promise<{ owner: Database; app: Database; close(): Promise<void> }> {
	const owner = await openOwnerDatabase(database);
	if ('PGLITE_DATA_DIR' in database.env) return { owner, app: owner, close: () => owner.close() };
	const app = await openAppDatabase(database.env).catch(async (error: unknown) => {
		await owner.close();
		throw error;
	});
	return { owner, app, close: async () => void (await Promise.all([owner.close(), app.close()])) };
}

/**
 * Adds NEW_COMMUNITY with three buildings and a project at the approval stage (milestones
 * planned for every stage, reached up to approval), as the owner: the way the bureau's data
 * arrives before anyone publishes it. Returns its id.
 */
export async function addUnpublishedCommunity(db: Database): Promise<string> {
	const c = NEW_COMMUNITY;
	const [x, y] = c.centre;
	return db.transaction(async (tx) => {
		// The spot must be free, so the map shows this community alone there.
		const [taken] = await tx.query<{ codes: string | null }>(
			`select string_agg(code, ', ') as codes from public.communities
			 where extensions.st_intersects(boundary, extensions.st_makeenvelope($1 - 0.0012, $2 - 0.001, $1 + 0.0012, $2 + 0.001, 4326))`,
			[x, y]
		);
		if (taken.codes) throw new Error(`the fixture's spot at ${x},${y} overlaps ${taken.codes}`);
		const [{ id }] = await tx.query<{ id: string }>(
			`insert into public.communities (code, name, subdistrict_code, boundary, built_year, land_tenure, batch_year,
			   households, residents, floor_area_m2, property_management, residents_support_pct, is_demo, published)
			 values ($1, $2, $3, extensions.st_multi(extensions.st_makeenvelope($4 - 0.001, $5 - 0.0008, $4 + 0.001, $5 + 0.0008, 4326)),
			   1992, 'state_owned', 2025, $6, $7, 7560, 'none', 92.5, true, false)
			 returning id`,
			[c.code, c.name, c.subdistrict, x, y, c.households, c.residents]
		);
		for (const [i, dy] of [-0.0004, 0, 0.0004].entries()) {
			await tx.query(
				`insert into public.buildings (community_id, code, name, footprint, floors, height_m, units, households,
				   floor_area_m2, built_year, elevator, is_demo)
				 values ($1, $2, $3, extensions.st_makeenvelope($4 - 0.0003, $5 - 0.00006, $4 + 0.0003, $5 + 0.00006, 4326),
				   6, 17.4, 3, 36, 2520, 1992, 'none', true)`,
				[id, `${c.code}-${i + 1}`, `${i + 1}号楼`, x, y + dy]
			);
		}
		const [project] = await tx.query<{ id: string }>(
			`insert into public.renovation_projects (community_id, stage, implementing_body, status_as_of, is_demo)
			 values ($1, $2, '体育场街道办事处', $3, true) returning id`,
			[id, c.stage, c.statusAsOf]
		);
		await tx.query(
			`insert into public.project_milestones (project_id, stage, planned_on, actual_on) values
			   ($1, 'preparation', '2025-01-15', '2025-01-20'),
			   ($1, 'approval', '2025-04-10', '2025-04-15'),
			   ($1, 'tendering', '2025-06-01', null),
			   ($1, 'construction', '2025-08-01', null),
			   ($1, 'acceptance', '2026-05-01', null),
			   ($1, 'archived', '2026-08-01', null)`,
			[project.id]
		);
		return id;
	});
}

export interface EditingStage {
	database: ScratchDatabase;
	app: AppProcess;
	/** NEW_COMMUNITY's id. */
	communityId: string;
	stop(): Promise<void>;
}

/** A fresh database with its first admin and NEW_COMMUNITY, and the built app on it. */
export async function startEditingStage(): Promise<EditingStage> {
	const database = await scratchDatabase();
	let app: AppProcess | undefined;
	const stop = async () => {
		await app?.stop();
		await database.dispose();
	};
	try {
		await createAdmin(database.env, ADMIN);
		// Before the app starts: on PGlite the app holds the folder for as long as it runs.
		const owner = await openOwnerDatabase(database);
		const communityId = await addUnpublishedCommunity(owner).finally(() => owner.close());
		app = await spawnApp(database.env);
		await app.waitUntilServing();
		return { database, app, communityId, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

/** A browser context of its own (its own cookies), 1280×800 like a desktop. */
export async function newPage(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
	return { context, page: await context.newPage() };
}

/**
 * Opens `path` and waits until the page has gone quiet, so it has hydrated: inputs filled
 * before hydration are reset to their server-rendered values (`value={…}`) when Svelte
 * takes the page over.
 */
async function openHydrated(page: Page, path: string): Promise<void> {
	await page.goto(path, { waitUntil: 'networkidle' });
}

/** Signs in through /login and waits until the sign-in has landed on `next`. */
export async function signIn(page: Page, account: { email: string; password: string }, next = '/logout'): Promise<void> {
	await openHydrated(page, `/login?next=${encodeURIComponent(next)}`);
	await page.locator('input[name=email]').fill(account.email);
	await page.locator('input[name=password]').fill(account.password);
	await page.locator('form button[type=submit]').click();
	const target = new URL(next, 'http://x');
	await page.waitForURL((url) => url.pathname === target.pathname);
}

/** Adds `member` in /admin/users as the signed-in admin; returns the password shown once. */
export async function addMember(page: Page, member: Member): Promise<string> {
	await openHydrated(page, '/admin/users');
	await page.locator('input[name=email]').fill(member.email);
	await page.locator('input[name=displayName]').fill(member.name);
	await page.locator('select[name=appRole]').selectOption(member.role);
	// Picking the role used to empty the name typed before it (src/routes/(staff)/admin/users/MemberFields.svelte).
	const name = await page.locator('input[name=displayName]').inputValue();
	if (name !== member.name) throw new Error(`the name typed became "${name}" when the role was picked`);
	for (const code of member.subdistricts) await page.locator(`input[name=subdistricts][value="${code}"]`).check();
	await page.getByRole('button', { name: '添加', exact: true }).click();
	const secret = page.locator('[data-testid=one-time-password] code');
	await secret.waitFor();
	const password = await secret.innerText();
	await page.locator(`[data-testid=member-row][data-email="${member.email}"]`).waitFor();
	return password;
}
