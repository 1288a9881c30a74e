/**
 * Writes supabase/seed.sql from the deterministic demo-data generator: `npm run seed`.
 * Run it after changing anything in supabase/generator and commit the result.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateSeedDataset } from './generate';
import { renderSeedSql } from './sql';

export const SEED_SQL_PATH = fileURLToPath(new URL('../seed.sql', import.meta.url));

const data = generateSeedDataset();
writeFileSync(SEED_SQL_PATH, renderSeedSql(data));
console.log(
	`wrote ${SEED_SQL_PATH}: ${data.communities.length} communities, ${data.buildings.length} buildings, ` +
		`${data.projects.length} projects, ${data.milestones.length} milestones (seed ${data.seed})`
);
