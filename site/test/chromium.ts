/** Debian's Chromium as the browser tests and benchmarks launch it (docs/TOOLCHAIN.md). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Chromium must not try to reach the (closed) network; no sandbox inside the CI container. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
