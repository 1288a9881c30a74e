import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	// No version stamp on window in the browser: bytes the public map's first load can spare.
	compilerOptions: { discloseVersion: false },
	kit: {
		adapter: adapter(),
		// The browser does not load every route's matcher up front (about 1.4 KiB gzipped of
		// the map page's first load); a client-side navigation asks the server instead.
		router: { resolution: 'server' },
		// SvelteKit writes this policy on every page and adds a nonce for its own inline
		// script. The map needs nothing looser: MapLibre's worker is a same-origin module,
		// WebGL needs no CSP source, deck.gl loads as a same-origin chunk. Styles allow
		// 'unsafe-inline' for the style attributes components render. An online basemap's
		// tile servers are added per request (hooks.server.ts), as it is configured at run time.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		typescript: {
			// The seed generator and scripts/ are TypeScript outside src/: type-check them with the app.
			config: (config) => ({ ...config, include: [...config.include, '../supabase/generator/**/*.ts', '../scripts/**/*.ts'] })
		}
	}
};

export default config;
