import { expect, test } from 'vitest';
import { z } from 'zod';
import {
	composeSettings,
	defineSettings,
	parseSettings,
	SettingsError,
	type SettingsFragment,
} from './settings.ts';

const storage = defineSettings({
	STORE_URL: z.url().default('http://127.0.0.1:9000'),
	STORE_TOKEN: z.string().min(1).optional(),
});
const server = defineSettings(
	{ PORT: z.coerce.number().int().min(0).max(65_535).default(80), SECURE: z.enum(['yes', 'no']) },
	{
		includes: [storage],
		checks: [
			{
				variable: 'STORE_URL',
				message: 'must be https when SECURE=yes',
				holds: (settings) => settings.SECURE === 'no' || settings.STORE_URL.startsWith('https:'),
			},
		],
	},
);

function errorOf(fragment: SettingsFragment, source: Record<string, string>): SettingsError {
	try {
		parseSettings(fragment, source);
	} catch (error) {
		if (error instanceof SettingsError) return error;
		throw error;
	}
	throw new Error('expected a SettingsError');
}

test('applies defaults, coerces, and keeps only the variables of the fragment', () => {
	expect(parseSettings(server, { SECURE: 'no', PORT: '8080', HOME: '/root' })).toEqual({
		STORE_URL: 'http://127.0.0.1:9000',
		PORT: 8080,
		SECURE: 'no',
	});
});

test('reports every bad variable on its own line, and names no value', () => {
	const error = errorOf(server, { PORT: '70000', STORE_URL: 'not a url', STORE_TOKEN: '' });
	expect(error.lines).toHaveLength(4);
	expect(error.lines.map((line) => line.trim().split(':')[0]).sort()).toEqual([
		'PORT',
		'SECURE',
		'STORE_TOKEN',
		'STORE_URL',
	]);
	expect(error.message).toMatch(/^Invalid environment \(see README\.md, "Configuration"\):\n {2}/);
	// Values may be secrets: the lines say what is wrong, never what was given.
	expect(error.message).not.toMatch(/not a url|70000/);
});

test('checks rules across variables once each value is valid, with the variable they name', () => {
	expect(errorOf(server, { SECURE: 'yes' }).lines).toEqual([
		'  STORE_URL: must be https when SECURE=yes',
	]);
	expect(parseSettings(server, { SECURE: 'yes', STORE_URL: 'https://store.example' }).PORT).toBe(
		80,
	);
	// A bad value is reported as such; the rule waits until the values are valid.
	expect(errorOf(server, { SECURE: 'maybe' }).lines).toEqual([
		expect.stringMatching(/^ {2}SECURE:/),
	]);
});

test('a composition carries the checks of what it includes, each once', () => {
	const both = composeSettings(server, storage, server);
	expect(Object.keys(both.variables).sort()).toEqual([
		'PORT',
		'SECURE',
		'STORE_TOKEN',
		'STORE_URL',
	]);
	expect(both.checks).toHaveLength(1);
	expect(errorOf(both, { SECURE: 'yes' }).lines).toHaveLength(1);
});

test('refuses a variable defined twice, so no fragment restates another', () => {
	const restated = defineSettings({ STORE_URL: z.url().default('http://other:9000') });
	expect(() => composeSettings(storage, restated)).toThrow(
		'STORE_URL is defined by two settings fragments; define it once',
	);
	expect(() => defineSettings({ PORT: z.string() }, { includes: [server] })).toThrow(/PORT/);
});
