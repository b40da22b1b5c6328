import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project root, the working directory of every child process. */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** A logger that prefixes each line with the seconds since `started`. */
export function createStepLog(name: string, started = Date.now()): (message: string) => void {
	return (message) => {
		const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
		console.log(`[${name} ${seconds}s] ${message}`);
	};
}

/** Runs a Node entry point of this project with the same Node and environment; resolves to its exit code. */
export function runNode(
	script: string,
	args: string[] = [],
	env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [script, ...args], {
			cwd: projectRoot,
			stdio: 'inherit',
			env,
		});
		child.on('error', reject);
		child.on('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
	});
}
