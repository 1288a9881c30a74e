import { closeDatabase } from './db';

/** If closing takes longer than this, something is stuck: exit anyway rather than hang. */
const CLOSE_DEADLINE_MS = 5_000;

let installed = false;

/**
 * Closes the database and ends the process once the server has stopped. adapter-node emits
 * 'sveltekit:shutdown' on SIGTERM or SIGINT after it has stopped accepting connections and
 * answered the requests in flight; without this the open database (PGlite's runtime, the
 * pool's idle connections) kept the process alive for a minute or more.
 */
export function closeDatabaseOnShutdown(): void {
	if (installed) return;
	installed = true;
	process.once('sveltekit:shutdown', (reason: unknown) => {
		console.error(`[server] ${String(reason)}: requests answered, closing the database`);
		setTimeout(() => {
			console.error('[server] the database did not close in time; exiting anyway');
			process.exit(1);
		}, CLOSE_DEADLINE_MS).unref();
		closeDatabase().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(`[server] closing the database failed: ${error instanceof Error ? error.message : String(error)}`);
				process.exit(1);
			}
		);
	});
}
