import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		typescript: {
			// The seed generator is TypeScript outside src/: type-check it with the app.
			config: (config) => ({ ...config, include: [...config.include, '../supabase/generator/**/*.ts'] })
		}
	}
};

export default config;
