/**
 * Structured events. Callers pass ids, codes and counts only: never passwords, tokens, cookies
 * or emails (docs/SECURITY.md, logging). Serialising with JSON.stringify keeps each event on one
 * line whatever a value contains, so a newline in user input cannot forge a second event.
 */
export type LogEvent = Record<string, unknown>;
export type Logger = (event: LogEvent) => void;

/** Writes one JSON line per event with a timestamp, to stdout unless told otherwise. */
export function jsonLineLogger(
	write: (line: string) => void = (line) => process.stdout.write(line),
	now: () => number = Date.now,
): Logger {
	return (event) => {
		write(`${JSON.stringify({ time: new Date(now()).toISOString(), ...event })}\n`);
	};
}
