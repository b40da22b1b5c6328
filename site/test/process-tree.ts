/**
 * Runs a command and measures it for benchmarks: wall time, CPU time and the peak memory of its
 * whole process tree (node → node → Pagefind's own binary), memory sampled from /proc every
 * 100 ms. Node's resourceUsage() sees only its own process, and the indexer runs in a child of a
 * child. CPU time comes from bash's `time`, which counts every descendant that was waited for;
 * on a shared machine it is steadier than wall time.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

export interface Measured {
	seconds: number;
	/** User plus system CPU time of the process and every descendant it waited for. */
	cpuSeconds: number;
	/** Peak of the summed resident memory of the process and all its descendants. */
	peakBytes: number;
	output: string;
}

const PAGE_BYTES = 4096;

async function children(pid: number): Promise<number[]> {
	const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
	const found: number[] = [];
	for (const task of tasks) {
		const list = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
		for (const child of list.split(' ')) if (child.trim() !== '') found.push(Number(child));
	}
	return found;
}

async function residentBytes(pid: number): Promise<number> {
	const statm = await readFile(`/proc/${pid}/statm`, 'utf8').catch(() => null);
	if (statm === null) return 0;
	return Number(statm.split(' ')[1] ?? 0) * PAGE_BYTES;
}

/** Resident memory of `pid` and every descendant, right now. */
export async function treeResidentBytes(pid: number): Promise<number> {
	let total = 0;
	const queue = [pid];
	while (queue.length > 0) {
		const next = queue.pop();
		if (next === undefined) break;
		total += await residentBytes(next);
		queue.push(...(await children(next)));
	}
	return total;
}

export function measure(
	command: string,
	args: readonly string[],
	options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Measured> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(
			'bash',
			['-c', 'TIMEFORMAT="cputime %3U %3S"; time "$@"', 'bash', command, ...args],
			{ ...options, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let output = '';
		const collect = (chunk: Buffer): void => {
			output += chunk.toString();
			if (output.length > 200_000) output = output.slice(-100_000);
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		let peakBytes = 0;
		let sampling = false;
		const timer = setInterval(() => {
			if (sampling || child.pid === undefined) return;
			sampling = true;
			void treeResidentBytes(child.pid).then((bytes) => {
				peakBytes = Math.max(peakBytes, bytes);
				sampling = false;
			});
		}, 100);
		child.on('error', (error) => {
			clearInterval(timer);
			reject(error);
		});
		child.on('exit', (code, signal) => {
			clearInterval(timer);
			const seconds = (performance.now() - started) / 1000;
			const cpu = /cputime ([\d.]+) ([\d.]+)\s*$/.exec(output);
			const cpuSeconds = cpu === null ? Number.NaN : Number(cpu[1]) + Number(cpu[2]);
			if (code === 0) resolve({ seconds, cpuSeconds, peakBytes, output });
			else
				reject(
					new Error(
						`${command} ${args.join(' ')} failed (${code ?? signal}):\n${output.slice(-3000)}`,
					),
				);
		});
	});
}
