import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/lib/server/atlas';
import { migrate, SUPABASE_DIR } from '../../src/lib/server/db/migrate';
import { openPostgres } from '../../src/lib/server/db/postgres';
import { PUBLIC_CALLER } from '../../src/lib/server/db/roles';
import { postgresBackend, requirePostgres, type Scratch } from './backends';

const run = promisify(execFile);
const SUPABASE = join('node_modules', '.bin', 'supabase');

/** The real Supabase CLI (its npm package runs offline), against a database by URL. */
async function supabase(...args: string[]): Promise<{ stdout: string; all: string }> {
	const { stdout, stderr } = await run(SUPABASE, [...args, '--yes']);
	return { stdout, all: `${stdout}\n${stderr}` };
}

/** psql, as someone migrating by hand would: every file in order, stopping at the first error. */
async function psql(url: string, files: string[]): Promise<void> {
	await run('psql', [url, '-q', '-v', 'ON_ERROR_STOP=1', ...files.flatMap((f) => ['-f', f])]);
}

async function migrationFiles(): Promise<string[]> {
	const dir = join(SUPABASE_DIR, 'migrations');
	return (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort().map((f) => join(dir, f));
}

/** What the public map shows, read the way the app reads it: as anon, through the app's login. */
async function publicCommunities(scratch: Scratch): Promise<number> {
	if (!scratch.appUrl) throw new Error('no app connection string');
	const app = await openPostgres(scratch.appUrl);
	try {
		return (await loadAtlas(PUBLIC_CALLER, { db: app })).communities.features.length;
	} finally {
		await app.close();
	}
}

function dbUrl(scratch: Scratch): string {
	if (!scratch.ownerUrl) throw new Error('no owner connection string');
	return scratch.ownerUrl;
}

// The CLI needs a PostgreSQL server; on PGlite there is nothing for it to connect to.
describe.skipIf(!postgresBackend)('the Supabase CLI and the app on one PostgreSQL database (needs DATABASE_URL)', () => {
	let scratch: Scratch | undefined;
	afterEach(async () => {
		await scratch?.dispose();
		scratch = undefined;
	});

	it('CLI first (`db push --include-seed`), then the app: nothing applied twice', async () => {
		scratch = await requirePostgres().openEmpty();
		// bootstrap.sql stands in for what a Supabase project has before any migration.
		await psql(dbUrl(scratch), [join(SUPABASE_DIR, 'bootstrap.sql')]);
		const pushed = await supabase('db', 'push', `--remote=${dbUrl(scratch)}`, '--include-seed');
		expect(pushed.all).toMatch(/Seeding data from supabase\/seed\.sql/);

		expect(await migrate(scratch.db, { seed: true })).toMatchObject({ applied: [], seeded: false });
		expect(await publicCommunities(scratch)).toBe(22);
	});

	it('the app first, then the CLI: it finds migrations and seed already recorded', async () => {
		scratch = await requirePostgres().openEmpty();
		await migrate(scratch.db, { seed: true });
		const pushed = await supabase('db', 'push', `--remote=${dbUrl(scratch)}`, '--include-seed');
		expect(pushed.all).not.toMatch(/Applying migration|Seeding data/);
		expect(await publicCommunities(scratch)).toBe(22);
	});

	it('migrated by hand with psql, then the app and the CLI: both converge without an error', async () => {
		scratch = await requirePostgres().openEmpty();
		await psql(dbUrl(scratch), [join(SUPABASE_DIR, 'bootstrap.sql'), ...(await migrationFiles()), join(SUPABASE_DIR, 'seed.sql')]);
		const report = await migrate(scratch.db, { seed: true });
		expect(report.applied).toHaveLength((await migrationFiles()).length); // recorded, each applied again harmlessly
		await supabase('db', 'push', `--remote=${dbUrl(scratch)}`, '--include-seed');
		expect(await publicCommunities(scratch)).toBe(22);
	});

	it('migrated by hand with psql, then the CLI first: it applies every file again without an error', async () => {
		scratch = await requirePostgres().openEmpty();
		await psql(dbUrl(scratch), [join(SUPABASE_DIR, 'bootstrap.sql'), ...(await migrationFiles()), join(SUPABASE_DIR, 'seed.sql')]);
		const pushed = await supabase('db', 'push', `--remote=${dbUrl(scratch)}`, '--include-seed');
		expect(pushed.all).toMatch(/Finished supabase db push/);
		expect(await migrate(scratch.db, { seed: true })).toMatchObject({ applied: [], seeded: false });
		expect(await publicCommunities(scratch)).toBe(22);
	});

	it("passes the CLI's own advisor (splinter) with no security finding but the deny-all private tables", async () => {
		scratch = await requirePostgres().openEmpty();
		await migrate(scratch.db, { seed: true });
		const { stdout } = await supabase('db', 'advisors', `--remote=${dbUrl(scratch)}`, '--type', 'security', '--level', 'info', '--output-format', 'json');
		const { results }: { results: { name: string; level: string; detail: string }[] } = JSON.parse(stdout);
		// The account tables and the feedback rate limit's client keys keep row-level security on
		// with no policy on purpose: no API role but service_role (which bypasses it) may touch
		// them (the keys only through private.submit_feedback), and neither schema is exposed.
		const byDesign = ['accounts.sessions', 'accounts.sign_in_failures', 'accounts.users', 'private.feedback_clients'].map(
			(t) => `INFO rls_enabled_no_policy: Table \`${t}\` has RLS enabled, but no policies exist`
		);
		expect(results.map((f) => `${f.level} ${f.name}: ${f.detail}`).sort()).toEqual(byDesign);
	});
});
