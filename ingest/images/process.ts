/**
 * The image step of an ingest run: every pending poster and intro image is downloaded, hashed and
 * turned into variants, unless the same bytes were already made into variants (then those are
 * reused and nothing is encoded). A bad image is recorded on its row and warned about; the run
 * goes on. Each performance's rows are written in one transaction once all its images are done.
 */
import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import sharp from 'sharp';
import type { Database } from '../../db/client.ts';
import { downloadImage, ImageSourceError } from './download.ts';
import { findVariantsOnDisk } from './on-disk.ts';
import {
	findReadyByHash,
	type ImageOutcome,
	loadPendingImages,
	type PendingImage,
	type ReadyImage,
	writeOutcomes,
} from './rows.ts';
import { encodeVariants, madeWith, VARIANT_PROFILES, variantsExist } from './variants.ts';

export interface ImageStepOptions {
	/** MEDIA_DIR: variants go under it and are served at `/media/<path>`. */
	mediaDir: string;
	/** `host` or `host:port`, e.g. `www.kopis.or.kr`; every redirect hop is checked too. */
	allowedHosts: string[];
	/** Default 10 MiB: KOPIS posters are 0.1–2 MB; intro strips reach a few MB. */
	maxBytes?: number;
	/** Whole download, body included; default 15 s. */
	timeoutMs?: number;
	/** Default 40 MP (docs/SECURITY.md): larger headers are refused before decoding. */
	maxInputPixels?: number;
	/** Images in flight at once; default 4 (sharp runs each on one thread here). */
	concurrency?: number;
	fetch?: typeof fetch;
	now?: () => number;
	onProgress?: (done: number, total: number) => void;
	/** One line per skipped image; the run records them. */
	onWarning: (message: string) => void;
}

export interface ImageStepResult {
	/** Images downloaded and encoded into new variants. */
	processed: number;
	/** Images whose bytes matched variants made before: downloaded, not encoded. */
	reused: number;
	failed: number;
	bytesIn: number;
	bytesOut: number;
}

const MIB = 1024 * 1024;

function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

export async function processPendingImages(
	db: Database,
	options: ImageStepOptions,
): Promise<ImageStepResult> {
	const download = {
		allowedHosts: options.allowedHosts,
		maxBytes: options.maxBytes ?? 10 * MIB,
		timeoutMs: options.timeoutMs ?? 15_000,
		fetch: options.fetch ?? globalThis.fetch,
	};
	const encode = { mediaDir: options.mediaDir, maxInputPixels: options.maxInputPixels ?? 40e6 };
	const now = options.now ?? Date.now;
	// libvips's operation cache pays off when the same input is processed again; every image here
	// is decoded once, so it would only hold up to 50 MB (measured: 16 MB less peak RSS without).
	sharp.cache(false);
	const result: ImageStepResult = { processed: 0, reused: 0, failed: 0, bytesIn: 0, bytesOut: 0 };
	// Work started in this run by profile and content hash, registered before its first await, so
	// two rows with the same bytes (a re-registered show, a shared intro strip) are encoded once
	// even when they run at once.
	const running = new Map<string, Promise<ReadyImage & { encoded: boolean }>>();

	/** Variants made before from the same bytes, described by a row or found on disk. */
	async function reuse(
		row: PendingImage,
		bytes: Uint8Array,
		sourceHash: string,
	): Promise<ReadyImage | null> {
		const profile = VARIANT_PROFILES[row.kind];
		for (const ready of await findReadyByHash(db, row.kind, sourceHash)) {
			if (
				madeWith(profile, ready.variants) &&
				(await variantsExist(encode.mediaDir, ready.variants))
			)
				return ready;
		}
		return findVariantsOnDisk(bytes, sourceHash, profile, encode);
	}

	async function reuseOrEncode(
		row: PendingImage,
		bytes: Uint8Array,
		sourceHash: string,
	): Promise<ReadyImage & { encoded: boolean }> {
		const previous = await reuse(row, bytes, sourceHash);
		if (previous !== null) return { ...previous, encoded: false };
		const profile = VARIANT_PROFILES[row.kind];
		const { bytesOut, ...image } = await encodeVariants(
			bytes,
			row.sourceUrl,
			sourceHash,
			profile,
			encode,
		);
		result.bytesOut += bytesOut;
		return { ...image, encoded: true };
	}

	async function prepare(row: PendingImage): Promise<ImageOutcome> {
		try {
			const { bytes } = await downloadImage(row.sourceUrl, download);
			result.bytesIn += bytes.byteLength;
			const sourceHash = sha256(bytes);
			const key = `${row.kind}:${sourceHash}`;
			const shared = running.get(key);
			let made: ReadyImage & { encoded: boolean };
			if (shared === undefined) {
				const work = reuseOrEncode(row, bytes, sourceHash);
				running.set(key, work);
				made = await work.catch((error: unknown) => {
					running.delete(key);
					throw error;
				});
			} else {
				// Same bytes as a row in flight: its variants, or this row's own try if it failed, so
				// the error names this row's URL.
				made = await shared.then(
					(image) => ({ ...image, encoded: false }),
					() => reuseOrEncode(row, bytes, sourceHash),
				);
			}
			const { encoded, ...image } = made;
			if (encoded) result.processed += 1;
			else result.reused += 1;
			return { row, state: 'ready', sourceHash, sourceBytes: bytes.byteLength, image };
		} catch (error) {
			if (!(error instanceof ImageSourceError)) throw error;
			result.failed += 1;
			options.onWarning(`${row.performanceId} ${row.kind} ${row.position}: ${error.message}`);
			return { row, state: error.transient ? 'pending' : 'failed', error: error.message };
		}
	}

	const groups = await loadPendingImages(db);
	const total = groups.reduce((sum, group) => sum + group.length, 0);
	let done = 0;
	options.onProgress?.(done, total);
	const imageLimit = pLimit({ concurrency: options.concurrency ?? 4, rejectOnClear: true });
	// One writer at a time: libSQL would serialise them anyway, by making the others wait on BUSY.
	const writeLimit = pLimit(1);
	try {
		await Promise.all(
			groups.map(async (group) => {
				const outcomes = await Promise.all(group.map((row) => imageLimit(prepare, row)));
				await writeLimit(() => writeOutcomes(db, outcomes, new Date(now())));
				done += group.length;
				options.onProgress?.(done, total);
			}),
		);
	} catch (error) {
		// Something unexpected (disk full, database gone): stop starting new work, fail the step.
		imageLimit.clearQueue();
		throw error;
	}
	return result;
}
