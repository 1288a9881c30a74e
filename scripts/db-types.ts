/**
 * `npm run db:types`: writes the TypeScript types derived from the schema (the Database
 * type of src/lib/server/db/schema.gen.ts, the stage list and the value lists under
 * src/lib/domain/) from a fresh in-memory database migrated from supabase/migrations.
 * Run it after changing a migration; a test fails until the files match.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './build';
import { generateTypeFiles } from './typegen';

for (const file of await generateTypeFiles()) {
	const path = join(ROOT, file.path);
	const before = await readFile(path, 'utf8').catch(() => null);
	if (before === file.text) {
		console.log(`  unchanged ${file.path}`);
		continue;
	}
	await writeFile(path, file.text);
	console.log(`  ${before === null ? 'created' : 'updated'} ${file.path}`);
}
