import { defineConfig } from 'vitest/config';

// Browser tests against the built app: a config of their own, without the SvelteKit plugin,
// because they run in Node and drive Chromium rather than importing app modules.
export default defineConfig({
	test: {
		// tests/server runs servers of its own (faults, signals, folders); tests/e2e shares one.
		include: ['tests/e2e/**/*.e2e.ts', 'tests/server/**/*.e2e.ts'],
		environment: 'node',
		globalSetup: ['tests/e2e/global-setup.ts'],
		// One Chromium at a time: two of them with software WebGL saturate two cores.
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 60_000,
		// Building (when stale) and the first database start happen in global setup.
		teardownTimeout: 30_000,
		// expect.poll waits 1 s by default; software WebGL on two busy cores can take longer
		// to redraw after a click.
		expect: { poll: { timeout: 10_000, interval: 100 } }
	}
});
