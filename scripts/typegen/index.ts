/**
 * The generated type files, computed from a fresh in-memory database migrated from
 * supabase/migrations: `npm run db:types` writes them, tests/db/schema-types.test.ts
 * checks the committed ones are the same.
 */
import { migrate } from '../../src/lib/server/db/migrate';
import { openPglite } from '../../src/lib/server/db/pglite';
import { readSchema } from './introspect';
import { renderDomainLists, renderStages } from './render-domain';
import { renderSchema } from './render-schema';

export interface GeneratedFile {
	/** From the project root. */
	path: string;
	text: string;
}

export async function generateTypeFiles(): Promise<GeneratedFile[]> {
	const db = await openPglite('memory://');
	try {
		await migrate(db);
		const model = await readSchema(db);
		return [
			{ path: 'src/lib/server/db/schema.gen.ts', text: renderSchema(model) },
			{ path: 'src/lib/domain/stages.gen.ts', text: renderStages(model) },
			{ path: 'src/lib/domain/enums.gen.ts', text: renderDomainLists(model) }
		];
	} finally {
		await db.close();
	}
}
