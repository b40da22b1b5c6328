/**
 * Debian's wapiti and sqlmap against the one-process product (`node scripts/start.ts`, small
 * demo, 127.0.0.1): both must find nothing (docs/SECURITY.md G2). So that "nothing" means
 * something, the same scans run first against a planted target that only this bench starts — a bare
 * node:http server building SQL by string concatenation over a throwaway SQLite table, echoing the
 * driver's error — and must find it.
 *
 * Run alone: `npx -c 'node bench/scan.bench.ts'` (needs `apt-get install -y wapiti sqlmap`).
 * SCAN_SECONDS bounds each wapiti scan (default 150); each sqlmap run is killed after 240 s.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { openDatabase } from '../db/client.ts';
import { performances } from '../db/schema/index.ts';
import { startProductServer } from './reliability/product-server.ts';

const SCAN_SECONDS = Number(process.env.SCAN_SECONDS ?? 150);
const SQLMAP_LIMIT_MS = 240_000;

interface Run {
	code: number | null;
	output: string;
	seconds: number;
	timedOut: boolean;
}

function run(command: string, args: string[], limitMs: number): Promise<Run> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
		});
		child.stderr.on('data', (chunk: Buffer) => {
			output += chunk.toString();
		});
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, limitMs);
		child.on('error', reject);
		child.on('exit', (code) => {
			clearTimeout(timer);
			resolve({ code, output, seconds: (performance.now() - started) / 1000, timedOut });
		});
	});
}

/** The planted bug: `id` goes into the SQL text, and the driver's error goes back to the client. */
async function startPlantedTarget(dir: string): Promise<{ url: string; close(): Promise<void> }> {
	const db = createClient({ url: `file:${join(dir, 'planted.db')}` });
	await db.executeMultiple(
		"DROP TABLE IF EXISTS items; CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO items (name) VALUES ('alpha'), ('beta'), ('gamma');",
	);
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://planted.test');
		if (url.pathname === '/') {
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
			res.end(
				'<html><body><a href="/item?id=1">alpha</a> <a href="/item?id=2">beta</a></body></html>',
			);
			return;
		}
		if (url.pathname !== '/item') {
			res.writeHead(404).end();
			return;
		}
		const id = url.searchParams.get('id') ?? '1';
		db.execute(`SELECT name FROM items WHERE id = ${id}`).then(
			(result) => {
				res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
				res.end(
					`<html><body>${result.rows.map((row) => String(row.name)).join(', ')}</body></html>`,
				);
			},
			(error: { code?: string; message?: string }) => {
				res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8' });
				res.end(
					`<html><body>[${error.code ?? 'SQLITE_ERROR'}] ${error.message ?? ''}</body></html>`,
				);
			},
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: () =>
			new Promise((resolve) =>
				server.close(() => {
					db.close();
					resolve();
				}),
			),
	};
}

interface WapitiFindings {
	vulnerabilities: Record<string, number>;
	anomalies: Record<string, number>;
	seconds: number;
}

function counts(section: unknown): Record<string, number> {
	const found: Record<string, number> = {};
	for (const [name, items] of Object.entries((section ?? {}) as Record<string, unknown[]>)) {
		if (items.length > 0) found[name] = items.length;
	}
	return found;
}

async function wapiti(url: string, dir: string, starts: string[]): Promise<WapitiFindings> {
	const report = join(dir, 'report.json');
	const result = await run(
		'wapiti',
		[
			'-u',
			`${url}/`,
			'--scope',
			'folder',
			'-m',
			'sql,blindsql,xss,permanentxss,exec,file,crlf,redirect',
			'-d',
			'3',
			// max-scan-time ends the crawl and stops new attacks; one module's attacks may overrun it.
			'--max-scan-time',
			String(SCAN_SECONDS),
			'--max-attack-time',
			String(Math.ceil(SCAN_SECONDS / 2)),
			'--flush-session',
			'--store-session',
			join(dir, 'session'),
			'-f',
			'json',
			'-o',
			report,
			...starts.flatMap((start) => ['-s', start]),
		],
		(SCAN_SECONDS * 4 + 120) * 1000,
	);
	if (result.code !== 0) {
		throw new Error(`wapiti exited ${result.code}:\n${result.output.slice(-2000)}`);
	}
	const json = JSON.parse(readFileSync(report, 'utf8')) as {
		vulnerabilities?: unknown;
		anomalies?: unknown;
	};
	return {
		vulnerabilities: counts(json.vulnerabilities),
		anomalies: counts(json.anomalies),
		seconds: result.seconds,
	};
}

interface SqlmapTarget {
	name: string;
	url: string;
	data?: string;
	headers?: string[];
	cookie?: string;
}

type SqlmapVerdict = 'injectable' | 'not injectable' | 'inconclusive';

async function sqlmap(
	target: SqlmapTarget,
	dir: string,
): Promise<{ verdict: SqlmapVerdict; seconds: number; tests: number }> {
	const args = [
		'-u',
		target.url,
		'--batch',
		'--disable-coloring',
		'--flush-session',
		'--dbms=SQLite',
		// Level 3 adds the Cookie, User-Agent and Referer headers and more payloads per parameter.
		'--level=3',
		'--risk=2',
		'--time-sec=2',
		// A 4xx is the product refusing the probe; keep testing instead of stopping.
		'--ignore-code=*',
		`--output-dir=${join(dir, 'sqlmap')}`,
		...(target.data === undefined ? [] : ['--data', target.data]),
		...(target.cookie === undefined ? [] : ['--cookie', target.cookie]),
		...(target.headers ?? []).flatMap((header) => ['-H', header]),
	];
	const result = await run('sqlmap', args, SQLMAP_LIMIT_MS);
	const verdict: SqlmapVerdict = /identified the following injection point/.test(result.output)
		? 'injectable'
		: /do not appear to be injectable/.test(result.output) && !result.timedOut
			? 'not injectable'
			: 'inconclusive';
	if (verdict === 'inconclusive') console.log(result.output.slice(-1500));
	// Each "testing '<technique>'" line is one payload family tried on one parameter.
	const tests = result.output.match(/\[INFO\] testing '/g)?.length ?? 0;
	return { verdict, seconds: result.seconds, tests };
}

function print(name: string, findings: WapitiFindings): void {
	console.log(
		`wapiti ${name}: ${findings.seconds.toFixed(0)} s; vulnerabilities ${JSON.stringify(findings.vulnerabilities)}; ` +
			`anomalies ${JSON.stringify(findings.anomalies)}`,
	);
}

const problems: string[] = [];
const server = await startProductServer('bench-scan');
const dir = server.workDir;
const planted = await startPlantedTarget(dir);
try {
	// 1. The scanners work: the planted concatenation is found by both.
	mkdirSync(join(dir, 'wapiti-planted'), { recursive: true });
	const plantedWapiti = await wapiti(planted.url, join(dir, 'wapiti-planted'), []);
	print('planted target', plantedWapiti);
	if ((plantedWapiti.vulnerabilities['SQL Injection'] ?? 0) === 0) {
		problems.push('wapiti missed the planted SQL injection');
	}
	const plantedSqlmap = await sqlmap(
		{ name: 'planted', url: `${planted.url}/item?id=1` },
		join(dir, 'sqlmap-planted'),
	);
	console.log(
		`sqlmap planted /item?id=: ${plantedSqlmap.verdict} (${plantedSqlmap.seconds.toFixed(0)} s)`,
	);
	if (plantedSqlmap.verdict !== 'injectable') problems.push('sqlmap missed the planted injection');

	// 2. The product: nothing to find.
	const handle = await openDatabase(server.databaseUrl);
	const [show] = await handle.db.select({ id: performances.id }).from(performances).limit(1);
	handle.close();
	if (show === undefined) throw new Error('the demo has no performances');
	const signUp = await fetch(`${server.url}/api/accounts`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Origin: server.url },
		body: JSON.stringify({
			email: 'scanner@example.com',
			username: '스캐너',
			password: '취약점 검사용 긴 비밀번호',
		}),
	});
	const cookie = signUp.headers.getSetCookie()[0]?.split(';')[0];
	if (signUp.status !== 201 || cookie === undefined) {
		throw new Error(`scanner sign-up failed: ${signUp.status}`);
	}

	const reviews = `${server.url}/api/performances/${show.id}/reviews`;
	mkdirSync(join(dir, 'wapiti-product'), { recursive: true });
	const productWapiti = await wapiti(server.url, join(dir, 'wapiti-product'), [
		`${reviews}?sort=newest&page=1`,
		`${server.url}/api/favorites?page=1`,
		`${server.url}/performances/${show.id}/`,
		`${server.url}/search/`,
	]);
	print('product', productWapiti);
	const productVulnerabilities = Object.values(productWapiti.vulnerabilities).reduce(
		(a, b) => a + b,
		0,
	);
	if (productVulnerabilities > 0) problems.push('wapiti found vulnerabilities in the product');
	if ((productWapiti.anomalies['Internal Server Error'] ?? 0) > 0) {
		problems.push('wapiti caused 5xx answers in the product');
	}

	const origin = `Origin: ${server.url}`;
	const targets: SqlmapTarget[] = [
		{
			name: 'GET review list (path id, sort, page)',
			url: `${server.url}/api/performances/${show.id}*/reviews?sort=newest&page=1`,
		},
		{
			name: 'POST log-in (JSON email, password)',
			url: `${server.url}/api/sessions`,
			data: '{"email":"scanner@example.com","password":"wrong password 123"}',
			headers: [origin, 'Content-Type: application/json'],
		},
		{
			name: 'POST review (JSON, signed in)',
			url: reviews,
			data: '{"rating":4,"title":"scan","body":"scan body","seenOn":"2025-04-20"}',
			headers: [origin, 'Content-Type: application/json'],
			cookie,
		},
		{ name: 'GET favorites (page, signed in)', url: `${server.url}/api/favorites?page=1`, cookie },
	];
	for (const target of targets) {
		const result = await sqlmap(target, join(dir, `sqlmap-${targets.indexOf(target)}`));
		console.log(
			`sqlmap product ${target.name}: ${result.verdict} (${result.seconds.toFixed(0)} s)`,
		);
		if (result.verdict !== 'not injectable')
			problems.push(`sqlmap: ${target.name} ${result.verdict}`);
	}
	// The API logs `request_failed` for every 500 it renders (api/http/errors.ts).
	const serverErrors = readFileSync(server.logPath, 'utf8')
		.split('\n')
		.filter((line) => line.includes('"event":"request_failed"')).length;
	console.log(`product 500s logged (request_failed): ${serverErrors}`);
	if (serverErrors > 0) problems.push(`${serverErrors} 5xx answers in the product log`);
} finally {
	await planted.close();
	await server.stop();
}
if (problems.length > 0) {
	for (const problem of problems) console.error(`scan: ${problem}`);
	process.exit(1);
}
console.log('scan: both scanners find the planted bug and nothing in the product');
