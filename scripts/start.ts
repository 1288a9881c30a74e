/**
 * `npm start`: the production server on the embedded default, as a user runs it. Builds
 * first when the sources are newer than build/ (about 15 s), then runs adapter-node's
 * server on 127.0.0.1:5173 unless HOST/PORT say otherwise. `npm run dev` is the
 * development server with hot reloading.
 */
import { spawn } from 'node:child_process';
import { ensureBuild } from './build';

await ensureBuild();
const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '5173';
// adapter-node assumes https unless told the origin; on a plain local start it is http.
// Behind a proxy, set ORIGIN or PROTOCOL_HEADER/HOST_HEADER instead (README).
const origin = process.env.ORIGIN ?? (process.env.PROTOCOL_HEADER ? undefined : `http://${host}:${port}`);
const server = spawn(process.execPath, ['build'], {
	stdio: 'inherit',
	env: { ...process.env, HOST: host, PORT: port, ...(origin ? { ORIGIN: origin } : {}) }
});
// The server stops gracefully on SIGTERM/SIGINT; pass them on and leave with its code.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
