import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { icuMessages } from './src/lib/i18n/icu-build.ts';

export default defineConfig({
	plugins: [icuMessages(), sveltekit()],
	server: { fs: { allow: ['supabase'] } },
	test: {
		include: ['src/**/*.test.ts', 'supabase/generator/**/*.test.ts', 'tests/db/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// The database suites share one embedded instance per file; running files one at a
		// time keeps PGlite's start-up cost from crowding out two small cores.
		fileParallelism: false
	}
});
