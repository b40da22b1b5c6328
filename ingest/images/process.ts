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
	/** Default 40 MP (SECURITY.md): larger headers are refused before decoding. */
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
	// Encodings started in this run by profile and content hash, so two rows with the same bytes
	// (a re-registered show, a shared intro strip) are encoded once even when they run at once.
	const encodings = new Map<string, Promise<ReadyImage>>();

	async function reuse(row: PendingImage, sourceHash: string): Promise<ReadyImage | null> {
		const profile = VARIANT_PROFILES[row.kind];
		for (const ready of await findReadyByHash(db, row.kind, sourceHash)) {
			if (
				madeWith(profile, ready.variants) &&
				(await variantsExist(encode.mediaDir, ready.variants))
			)
				return ready;
		}
		return null;
	}

	async function prepare(row: PendingImage): Promise<ImageOutcome> {
		try {
			const { bytes } = await downloadImage(row.sourceUrl, download);
			result.bytesIn += bytes.byteLength;
			const sourceHash = sha256(bytes);
			const ready = { row, state: 'ready', sourceHash, sourceBytes: bytes.byteLength } as const;
			const key = `${row.kind}:${sourceHash}`;
			const running = encodings.get(key);
			// A failed encoding of the same bytes is retried here so the error names this row's URL.
			const previous =
				running === undefined ? await reuse(row, sourceHash) : await running.catch(() => null);
			if (previous !== null) {
				result.reused += 1;
				return { ...ready, image: previous };
			}
			const profile = VARIANT_PROFILES[row.kind];
			const encoding = encodeVariants(bytes, row.sourceUrl, sourceHash, profile, encode).then(
				({ bytesOut, ...image }) => {
					result.processed += 1;
					result.bytesOut += bytesOut;
					return image;
				},
			);
			encodings.set(key, encoding);
			const image = await encoding.catch((error: unknown) => {
				encodings.delete(key);
				throw error;
			});
			return { ...ready, image };
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
