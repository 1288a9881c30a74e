import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: playwright-core never downloads a browser of its own here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
	'--no-sandbox', // CI runs as root, where Chromium's sandbox refuses to start
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
	// No GPU here: WebGL through SwiftShader, which headless Chromium blocks unless told.
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader',
	'--ignore-gpu-blocklist'
];

export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}
