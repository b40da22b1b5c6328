/**
 * Settings are environment variables only. Each part defines the variables it reads once, in a
 * fragment in its env.ts: the name, a zod schema with the default, and a comment on why. A fragment
 * may include the fragments of variables it reads but does not own (the ingest reads DATABASE_URL).
 * Each entry point composes the fragments of what it runs, its child processes included, and
 * validates them once at start; a wrong value stops it with one line per variable.
 *
 * Nothing restates a variable: composing two different definitions of one name throws.
 */
import { z } from 'zod';

type Variables = Record<string, z.ZodType>;

/** A rule across variables, checked once every variable has a valid value. */
export interface SettingsCheck<Output> {
	/** The variable named in the message. */
	variable: keyof Output & string;
	message: string;
	holds(settings: Output): boolean;
}

export interface SettingsFragment<V extends Variables = Variables> {
	/** Every variable the fragment reads, its included fragments' too. */
	readonly variables: V;
	readonly checks: readonly SettingsCheck<never>[];
}

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (
	value: infer I,
) => void
	? I
	: never;

/** The variables of several fragments together; an empty record for none. */
type VariablesOf<F extends readonly SettingsFragment[]> = F extends readonly []
	? Record<never, never>
	: Extract<UnionToIntersection<F[number]['variables']>, Variables>;

/** The validated values of a fragment or composition. */
export type Settings<F extends SettingsFragment> = z.output<z.ZodObject<F['variables']>>;

/** Where settings come from: the process environment, or a test's own object. */
export type SettingsSource = Readonly<Record<string, string | undefined>>;

export class SettingsError extends Error {
	override name = 'SettingsError';
	/** One `VARIABLE: problem` line per bad variable. */
	readonly lines: string[];
	constructor(lines: string[]) {
		super(`Invalid environment (see README.md, "Configuration"):\n${lines.join('\n')}`);
		this.lines = lines;
	}
}

function merge(
	into: { variables: Variables; checks: SettingsCheck<never>[] },
	from: SettingsFragment,
) {
	for (const [name, schema] of Object.entries(from.variables)) {
		const known = into.variables[name];
		if (known !== undefined && known !== schema) {
			throw new Error(`${name} is defined by two settings fragments; define it once`);
		}
		into.variables[name] = schema;
	}
	for (const check of from.checks) if (!into.checks.includes(check)) into.checks.push(check);
}

/**
 * A part's fragment: `variables` are the ones it owns; `includes` those of other parts it reads;
 * `checks` rules across them (typed against both).
 */
export function defineSettings<
	V extends Variables,
	const I extends readonly SettingsFragment[] = [],
>(
	variables: V,
	options: {
		includes?: I;
		checks?: readonly SettingsCheck<z.output<z.ZodObject<V & VariablesOf<I>>>>[];
	} = {},
): SettingsFragment<V & VariablesOf<I>> {
	const fragment: { variables: Variables; checks: SettingsCheck<never>[] } = {
		variables: {},
		checks: [],
	};
	for (const included of options.includes ?? []) merge(fragment, included);
	merge(fragment, {
		variables,
		checks: (options.checks ?? []) as unknown as readonly SettingsCheck<never>[],
	});
	return fragment as unknown as SettingsFragment<V & VariablesOf<I>>;
}

/** What an entry point validates: the fragments of every part it runs. */
export function composeSettings<const F extends readonly SettingsFragment[]>(
	...fragments: F
): SettingsFragment<VariablesOf<F>> {
	return defineSettings({}, { includes: fragments }) as SettingsFragment<VariablesOf<F>>;
}

/** Validates the source against the fragment; throws SettingsError with one line per variable. */
export function parseSettings<F extends SettingsFragment>(
	fragment: F,
	source: SettingsSource = process.env,
): Settings<F> {
	const result = z.object(fragment.variables).safeParse(source);
	if (!result.success) {
		throw new SettingsError(
			result.error.issues.map(
				(issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`,
			),
		);
	}
	const settings = result.data as Settings<F>;
	const failed = (fragment.checks as readonly SettingsCheck<Settings<F>>[]).filter(
		(check) => !check.holds(settings),
	);
	if (failed.length > 0) {
		throw new SettingsError(failed.map((check) => `  ${check.variable}: ${check.message}`));
	}
	return settings;
}

/** For entry points: the settings, or the messages on standard error and exit code 2. */
export function loadSettingsOrExit<F extends SettingsFragment>(fragment: F): Settings<F> {
	try {
		return parseSettings(fragment);
	} catch (error) {
		if (!(error instanceof SettingsError)) throw error;
		console.error(error.message);
		process.exit(2);
	}
}
