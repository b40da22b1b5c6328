/**
 * Tells whether dist/ was built from the current data and sources. The stamp records which
 * database and which successful ingest run the build saw; any site source newer than the stamp
 * (a developer edited a page) also makes the build stale.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { ingestRuns } from '../db/schema/index.ts';

const STAMP = 'dist/build-stamp.json';
/** Sources that shape the build output. */
const SOURCES = ['site', 'astro.config.mjs', 'scripts/build-site.ts', 'package-lock.json'];

export interface DataVersion {
	database: string;
	runId: number | null;
	finishedAt: number | null;
}

export async function latestDataVersion(db: Database, databaseUrl: string): Promise<DataVersion> {
	const run = await db
		.select({ id: ingestRuns.id, finishedAt: ingestRuns.finishedAt })
		.from(ingestRuns)
		.where(eq(ingestRuns.status, 'succeeded'))
		.orderBy(desc(ingestRuns.id))
		.limit(1)
		.get();
	return {
		database: databaseUrl,
		runId: run?.id ?? null,
		finishedAt: run?.finishedAt?.getTime() ?? null,
	};
}

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stats = statSync(path);
	if (!stats.isDirectory()) return stats.mtimeMs;
	let newest = stats.mtimeMs;
	for (const entry of readdirSync(path)) {
		if (entry === 'node_modules' || entry.startsWith('.')) continue;
		newest = Math.max(newest, newestMtime(join(path, entry)));
	}
	return newest;
}

export function buildIsCurrent(root: string, version: DataVersion): boolean {
	const stampPath = join(root, STAMP);
	if (!existsSync(stampPath) || !existsSync(join(root, 'dist/server/entry.mjs'))) return false;
	try {
		const stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as DataVersion;
		if (stamp.database !== version.database || stamp.runId !== version.runId) return false;
	} catch {
		return false;
	}
	const built = statSync(stampPath).mtimeMs;
	return SOURCES.every((source) => newestMtime(join(root, source)) <= built);
}

export function writeBuildStamp(root: string, version: DataVersion): void {
	writeFileSync(join(root, STAMP), `${JSON.stringify(version, null, '\t')}\n`);
}
