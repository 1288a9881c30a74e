/**
 * `npm run admin:create -- --email <address> [--name <name>] [--generate]`: creates an
 * administrator, who can then sign in at /login and add everyone else at /admin/users.
 *
 * The password is never an argument (it would stay in the shell's history):
 *   - at a terminal it is asked for twice, without echo;
 *   - piped in, the first line of standard input is the password;
 *   - with --generate a random one is made and printed once.
 *
 * It works on the app's own database: the embedded one (PGLITE_DATA_DIR, default
 * ./data/pglite, created if missing; the running app holds it, so stop the app first) or
 * DATABASE_URL's, through the app's own login acting as service_role.
 */
import { parseArgs } from 'node:util';
import { displayNameSchema, emailSchema, newPasswordSchema, PASSWORD_MIN } from '../src/lib/domain/staff';
import { generatePassword } from '../src/lib/server/auth/password';
import { selectProvider } from '../src/lib/server/auth/providers';
import { openAppDatabase, type Caller, type Database } from '../src/lib/server/db';
import { FolderInUseError } from '../src/lib/server/db/embedded';
import { StaffError } from '../src/lib/server/staff/errors';
import { createMember } from '../src/lib/server/staff/write';
import { readFirstLine, readHidden } from './read-secret';

const USAGE = 'usage: npm run admin:create -- --email <address> [--name <display name>] [--generate]';

function fail(message: string, code = 1): never {
	console.error(message);
	process.exit(code);
}

const { values } = parseArgs({
	options: {
		email: { type: 'string' },
		name: { type: 'string' },
		generate: { type: 'boolean', default: false },
		help: { type: 'boolean', default: false }
	}
});
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}
const email = emailSchema.safeParse(values.email ?? '');
if (!values.email || !email.success) fail(values.email ? `not an email address: ${values.email}\n${USAGE}` : USAGE, 2);
const name = displayNameSchema.safeParse(values.name ?? email.data.split('@')[0]);
if (!name.success) fail('--name must be 1 to 60 characters', 2);

async function choosePassword(): Promise<{ password: string; generated: boolean }> {
	if (values.generate) return { password: generatePassword(), generated: true };
	if (!process.stdin.isTTY) {
		const piped = await readFirstLine();
		if (!piped) fail('no password on standard input: pipe one in, or use --generate (or run this at a terminal)', 2);
		return { password: piped, generated: false };
	}
	const first = await readHidden(`Password for ${email.data} (at least ${PASSWORD_MIN} characters): `);
	if (!newPasswordSchema.safeParse(first).success) fail(`the password must be ${PASSWORD_MIN} to 200 characters`, 2);
	const again = await readHidden('The same again: ');
	if (again !== first) fail('the two passwords differ; nothing was created', 2);
	return { password: first, generated: false };
}

const { password, generated } = await choosePassword().catch((error: unknown) =>
	fail(error instanceof Error && error.message === 'cancelled' ? 'cancelled; nothing was created' : String(error), 130)
);
if (!newPasswordSchema.safeParse(password).success) fail(`the password must be ${PASSWORD_MIN} to 200 characters`, 2);

let db: Database;
try {
	// No waiting for the folder: if the app has it, say so at once.
	db = await openAppDatabase({ ...process.env, PGLITE_LOCK_WAIT_S: '0' });
} catch (error) {
	if (error instanceof FolderInUseError) {
		fail(`${error.message.split('. ')[0]}: that is most likely the running app. Stop it, run this again, then start the app.`);
	}
	throw error;
}

// A command run by whoever operates the server, with the database's service role, as a
// Supabase project's own dashboard would act: there is no admin yet to act as.
const SERVICE_ROLE: Caller = { role: 'service_role' };

try {
	const provider = await selectProvider(process.env, async () => db);
	const { member } = await createMember({ database: db, provider }, SERVICE_ROLE, {
		email: email.data,
		displayName: name.data,
		appRole: 'admin',
		subdistricts: [],
		password
	});
	console.log(`Created the administrator ${member.displayName} <${member.email}>. Sign in at /login; add the others at /admin/users.`);
	if (generated) console.log(`Password (shown only this once): ${password}`);
} catch (error) {
	if (error instanceof StaffError && error.key === 'admin.errors.emailTaken') {
		process.exitCode = 1;
		console.error(`${email.data} already has an account; nothing was changed. (An admin can reset its password at /admin/users.)`);
	} else {
		process.exitCode = 1;
		console.error(`admin:create failed: ${error instanceof Error ? error.message : String(error)}`);
	}
} finally {
	await db.close();
}
