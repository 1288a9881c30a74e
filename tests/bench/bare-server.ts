import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { ROOT } from '../../scripts/build';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.map': 'application/json'
};
const MAPLIBRE_DIST = join(ROOT, 'node_modules', 'maplibre-gl', 'dist');

/** A file under `dir` for a URL path, or null if the path would leave it. */
function inside(dir: string, path: string): string | null {
	const file = normalize(join(dir, decodeURIComponent(path)));
	return file.startsWith(dir + '/') ? file : null;
}

export interface BareServer {
	url: string;
	close(): Promise<void>;
}

/**
 * Serves tests/bench/bare.html, its script, MapLibre's own dist files, and /api/atlas passed
 * through from the app, so both pages draw the same bytes. Loopback only.
 */
export function startBareServer(appUrl: string, port: number): Promise<BareServer> {
	const server: Server = createServer(async (req, res) => {
		const path = new URL(req.url ?? '/', 'http://localhost').pathname;
		try {
			if (path === '/api/atlas') {
				const upstream = await fetch(`${appUrl}/api/atlas`);
				res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
				res.end(Buffer.from(await upstream.arrayBuffer()));
				return;
			}
			const file =
				path === '/' ? join(ROOT, 'tests', 'bench', 'bare.html')
				: path === '/bare.mjs' ? join(ROOT, 'tests', 'bench', 'bare.mjs')
				: path.startsWith('/maplibre/') ? inside(MAPLIBRE_DIST, path.slice('/maplibre/'.length))
				: null;
			if (!file) {
				res.writeHead(404).end();
				return;
			}
			const body = await readFile(file);
			res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
			res.end(body);
		} catch (error) {
			res.writeHead(500).end(String(error));
		}
	});
	return new Promise((resolve, reject) => {
		server.on('error', reject);
		server.listen(port, '127.0.0.1', () =>
			resolve({
				url: `http://127.0.0.1:${port}`,
				close: () => new Promise((done) => server.close(() => done()))
			})
		);
	});
}
