/**
 * Progress for long ingest work, as plain lines (CI logs and `npm start` have no TTY): a line when
 * a stage starts, then at most one every `intervalMs` with done/total and rate, and one at its end.
 */
export interface ProgressReporter {
	stage(name: string, total: number | null): StageProgress;
	info(message: string): void;
	warn(message: string): void;
}

export interface StageProgress {
	tick(count?: number): void;
	/** For work that reports its own figures: sets done and total, then prints as tick() does. */
	update(done: number, total: number): void;
	done(summary?: string): void;
}

export function createProgressReporter(
	write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
	options: { intervalMs?: number; now?: () => number } = {},
): ProgressReporter {
	const intervalMs = options.intervalMs ?? 2000;
	const now = options.now ?? Date.now;
	return {
		stage(name, initialTotal) {
			let total = initialTotal;
			let done = 0;
			const started = now();
			let lastPrinted = started;
			write(`[ingest] ${name}…`);
			const formatProgress = (): string => {
				const seconds = (now() - started) / 1000;
				const rate = seconds > 0 ? ` · ${(done / seconds).toFixed(1)}/s` : '';
				const of =
					total === null
						? `${done}`
						: `${done}/${total} (${Math.floor((done / Math.max(total, 1)) * 100)}%)`;
				return `${of}${rate}`;
			};
			const maybePrint = (): void => {
				if (now() - lastPrinted >= intervalMs) {
					lastPrinted = now();
					write(`[ingest]   ${name}: ${formatProgress()}`);
				}
			};
			return {
				tick(count = 1) {
					done += count;
					maybePrint();
				},
				update(value, newTotal) {
					done = value;
					total = newTotal;
					maybePrint();
				},
				done(summary) {
					const seconds = ((now() - started) / 1000).toFixed(1);
					write(
						`[ingest] ${name}: done in ${seconds}s${summary === undefined ? '' : ` — ${summary}`}`,
					);
				},
			};
		},
		info(message) {
			write(`[ingest] ${message}`);
		},
		warn(message) {
			write(`[ingest] warning: ${message}`);
		},
	};
}

/** A reporter that prints nothing (tests). */
export const silentProgress: ProgressReporter = createProgressReporter(() => {});
