import { writeFile } from 'node:fs/promises';
import { benchEndpoint } from './endpoint';

// Runs in a process of its own (see run.ts): the built server opens a database that nothing
// can close from outside, so the process ends here and the parent then drops the database.
const [out, iterations = '40', warmup = '5'] = process.argv.slice(2);
if (!out) throw new Error('usage: endpoint-child.ts <result.json> [iterations] [warmup]');
const result = await benchEndpoint(Number(iterations), Number(warmup));
await writeFile(out, JSON.stringify(result));
process.exit(0);
