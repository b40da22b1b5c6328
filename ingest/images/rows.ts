/** The image pipeline's reads and writes of `performance_images`. */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type ImageVariant, performanceImages } from '../../db/schema/index.ts';
import type { ImageKind } from './variants.ts';

export interface PendingImage {
	performanceId: string;
	kind: ImageKind;
	position: number;
	sourceUrl: string;
}

export interface ReadyImage {
	width: number;
	height: number;
	variants: ImageVariant[];
	placeholder: string;
}

/** What one image came to: the sync's row plus the fields to write. */
export type ImageOutcome =
	| {
			row: PendingImage;
			state: 'ready';
			sourceHash: string;
			sourceBytes: number;
			image: ReadyImage;
	  }
	/** 'failed' for good; 'pending' again when the failure was transient (retried next run). */
	| { row: PendingImage; state: 'failed' | 'pending'; error: string };

/** Every image waiting for the pipeline, grouped by performance in a stable order. */
export async function loadPendingImages(db: Database): Promise<PendingImage[][]> {
	const rows = await db
		.select({
			performanceId: performanceImages.performanceId,
			kind: performanceImages.kind,
			position: performanceImages.position,
			sourceUrl: performanceImages.sourceUrl,
		})
		.from(performanceImages)
		.where(eq(performanceImages.status, 'pending'))
		.orderBy(
			asc(performanceImages.performanceId),
			asc(performanceImages.kind),
			asc(performanceImages.position),
		);
	const groups = new Map<string, PendingImage[]>();
	for (const row of rows) {
		const group = groups.get(row.performanceId);
		if (group === undefined) groups.set(row.performanceId, [row]);
		else group.push(row);
	}
	return [...groups.values()];
}

/**
 * Images of this kind already made from the same bytes. Status is not asked: a row the sync sent
 * back to pending still holds variants that match its hash; failed rows hold no hash.
 */
export async function findReadyByHash(
	db: Database,
	kind: ImageKind,
	sourceHash: string,
): Promise<ReadyImage[]> {
	const rows = await db
		.select({
			width: performanceImages.width,
			height: performanceImages.height,
			variants: performanceImages.variants,
			placeholder: performanceImages.placeholder,
		})
		.from(performanceImages)
		.where(and(eq(performanceImages.sourceHash, sourceHash), eq(performanceImages.kind, kind)))
		.limit(4);
	return rows.flatMap(({ width, height, variants, placeholder }) =>
		width === null || height === null || placeholder === null
			? []
			: [{ width, height, variants, placeholder }],
	);
}

/**
 * Writes one performance's outcomes in one transaction. Each update is conditioned on the row
 * still being pending with the URL we fetched: if a sync changed it meanwhile, the row stays
 * pending for the next run instead of getting another URL's image.
 */
export async function writeOutcomes(
	db: Database,
	outcomes: readonly ImageOutcome[],
	processedAt: Date,
): Promise<void> {
	await db.transaction(
		async (tx) => {
			for (const outcome of outcomes) {
				const { row } = outcome;
				const where = and(
					eq(performanceImages.performanceId, row.performanceId),
					eq(performanceImages.kind, row.kind),
					eq(performanceImages.position, row.position),
					eq(performanceImages.sourceUrl, row.sourceUrl),
					eq(performanceImages.status, 'pending'),
				);
				if (outcome.state === 'ready') {
					await tx
						.update(performanceImages)
						.set({
							status: 'ready',
							sourceHash: outcome.sourceHash,
							sourceBytes: outcome.sourceBytes,
							...outcome.image,
							error: null,
							processedAt,
						})
						.where(where);
				} else if (outcome.state === 'failed') {
					await tx
						.update(performanceImages)
						.set({
							status: 'failed',
							sourceHash: null,
							sourceBytes: null,
							width: null,
							height: null,
							variants: [],
							placeholder: null,
							error: outcome.error,
							processedAt,
						})
						.where(where);
				} else {
					await tx
						.update(performanceImages)
						.set({ error: outcome.error, processedAt })
						.where(where);
				}
			}
		},
		{ behavior: 'immediate' },
	);
}
