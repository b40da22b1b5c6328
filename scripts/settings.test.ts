import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parseSettings, SettingsError, type SettingsFragment } from '../db/settings.ts';
import { buildSettings, ingestCommandSettings, startSettings } from './settings.ts';

const root = new URL('../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** Every part's settings file: a new fragment anywhere must reach `npm start` and the docs. */
const FRAGMENT_FILES = ['db/env.ts', 'ingest/env.ts', 'api/env.ts', 'site/env.ts', 'demo/env.ts'];

function isFragment(value: unknown): value is SettingsFragment {
	return typeof value === 'object' && value !== null && 'variables' in value && 'checks' in value;
}

/** `| \`NAME\` | default | meaning |` rows of README.md's "Configuration" table. */
function readmeTable(): Map<string, string> {
	const section = /\n## Configuration\n([\s\S]*?)\n## /.exec(read('README.md'))?.[1] ?? '';
	const rows = new Map<string, string>();
	for (const match of section.matchAll(/^\| `([A-Z_]+)` +\| ([^|]*?) +\|/gm)) {
		rows.set(match[1] ?? '', match[2] ?? '');
	}
	return rows;
}

/** `# NAME=value` lines of .env.example. */
function envExample(): Map<string, string> {
	const lines = new Map<string, string>();
	for (const match of read('.env.example').matchAll(/^# ([A-Z_]+)=(.*)$/gm)) {
		lines.set(match[1] ?? '', match[2] ?? '');
	}
	return lines;
}

const variables = Object.keys(startSettings.variables).sort();
/** The value each variable takes when unset; undefined for those without a default. */
const defaults: Record<string, unknown> = parseSettings(startSettings, {});

test('npm start validates every variable of every part', async () => {
	for (const file of FRAGMENT_FILES) {
		const fragments = Object.values(await import(new URL(file, root).href)).filter(isFragment);
		expect(fragments.length, file).toBeGreaterThan(0);
		for (const fragment of fragments) {
			expect(variables, file).toEqual(expect.arrayContaining(Object.keys(fragment.variables)));
		}
	}
	const started: Record<string, unknown> = startSettings.variables;
	for (const command of [ingestCommandSettings, buildSettings]) {
		for (const [name, schema] of Object.entries(command.variables)) {
			expect(started[name], name).toBe(schema);
		}
	}
});

test("README's configuration table lists exactly those variables, with their defaults", () => {
	const table = readmeTable();
	expect([...table.keys()].sort()).toEqual(variables);
	for (const name of variables) {
		const fallback = defaults[name];
		if (fallback !== undefined) expect(table.get(name), name).toBe(`\`${String(fallback)}\``);
		else expect(table.get(name), name).not.toMatch(/^`/);
	}
});

test('.env.example lists exactly those variables, each with its default where it has one', () => {
	const example = envExample();
	expect([...example.keys()].sort()).toEqual(variables);
	for (const name of variables) {
		const fallback = defaults[name];
		if (fallback !== undefined) expect(example.get(name), name).toBe(String(fallback));
	}
});

test('npm start refuses an http SITE_URL in production, the API rule, before any work', () => {
	expect(() =>
		parseSettings(startSettings, { NODE_ENV: 'production', SITE_URL: 'http://culturepedia.kr' }),
	).toThrow(SettingsError);
	expect(
		parseSettings(startSettings, { NODE_ENV: 'production', SITE_URL: 'https://culturepedia.kr' })
			.NODE_ENV,
	).toBe('production');
	// The build alone writes URLs and sets no cookie: it has no such rule.
	expect(
		parseSettings(buildSettings, { NODE_ENV: 'production', SITE_URL: 'http://127.0.0.1:4321' })
			.SITE_URL,
	).toBe('http://127.0.0.1:4321');
});
