import type { TestProject } from 'vitest/node';
import { ensureBuild } from '../../scripts/build';
import { startApp } from './harness/server';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Where the app under test answers, e.g. http://127.0.0.1:41234 */
		baseURL: string;
	}
}

/** One built app and one fresh database for the whole run; the tests only read. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	await ensureBuild();
	const app = await startApp();
	console.error(`[e2e] app at ${app.url} on ${app.database}`);
	project.provide('baseURL', app.url);
	return app.stop;
}
