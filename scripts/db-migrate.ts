/**
 * `npm run db:migrate -- [--seed] [--url <postgres://owner@host/db>]`: brings a PostgreSQL
 * database to the schema in supabase/, with the rights of the role that owns it. The app
 * itself connects as a login role that can only switch into the API roles, so it cannot
 * (and does not) change the schema. --seed also loads the demo data (示例数据).
 *
 * The connection comes from --url, else DATABASE_OWNER_URL, else DATABASE_URL. The
 * embedded default needs none of this: the app migrates and seeds its own folder.
 */
import { parseArgs } from 'node:util';
import { migrate } from '../src/lib/server/db/migrate';
import { openPostgres } from '../src/lib/server/db/postgres';

const { values } = parseArgs({
	options: { seed: { type: 'boolean', default: false }, url: { type: 'string' }, help: { type: 'boolean', default: false } }
});
if (values.help) {
	console.log('usage: npm run db:migrate -- [--seed] [--url <postgres url of the schema owner>]');
	process.exit(0);
}
const url = values.url ?? process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL;
if (!url) {
	console.error('db:migrate needs a PostgreSQL connection: --url, DATABASE_OWNER_URL or DATABASE_URL.');
	console.error('(The embedded default needs no migration command: the app migrates its own folder on start.)');
	process.exit(2);
}

const target = new URL(url);
const db = await openPostgres(url, { applicationName: 'renewal-atlas-migrate', max: 1 });
try {
	const report = await migrate(db, { seed: values.seed });
	console.log(`${target.username || 'default user'}@${target.host}${target.pathname}`);
	if (report.bootstrapped) console.log('  bootstrap: API roles, authenticator and auth helpers are in place (not a Supabase project)');
	console.log(report.applied.length ? `  applied: ${report.applied.join(', ')}` : '  migrations: up to date');
	if (values.seed) console.log(report.seeded ? '  demo data: loaded' : '  demo data: already loaded');
} catch (error) {
	const hint = (error as { hint?: unknown }).hint;
	console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
	if (typeof hint === 'string') console.error(hint);
	// 42501 insufficient_privilege: most often the app's own login given by mistake.
	if ((error as { code?: unknown }).code === '42501') {
		console.error(`${target.username || 'this user'} lacks the rights to change the schema: connect as its owner (DATABASE_OWNER_URL), not as the app's login.`);
	}
	process.exitCode = 1;
} finally {
	await db.close();
}
