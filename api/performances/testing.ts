/**
 * The performance factory of API tests: a performance with only the columns lists show (and its
 * venue when `venueId` is given), with a ready poster when asked.
 */
import type { Database } from '../../db/client.ts';
import { performanceImages, performances, venues } from '../../db/schema/index.ts';

export interface TestPerformance {
	id?: string;
	title?: string;
	startDate?: string;
	endDate?: string;
	genreName?: string;
	venueId?: string | null;
	venueName?: string;
	/** Gives it a processed poster with WebP variants at these widths. */
	posterWidths?: number[];
}

let counter = 0;

/** Inserts a performance (and its venue when `venueId` is given); returns its id. */
export async function addPerformance(db: Database, fields: TestPerformance = {}): Promise<string> {
	counter += 1;
	const id = fields.id ?? `PF${String(700_000 + counter)}`;
	const venueId = fields.venueId ?? null;
	const venueName = fields.venueName ?? `공연장 ${counter}`;
	if (venueId !== null) {
		await db
			.insert(venues)
			.values({ id: venueId, name: venueName, contentHash: venueId })
			.onConflictDoNothing();
	}
	await db.insert(performances).values({
		id,
		title: fields.title ?? `공연 ${id}`,
		startDate: fields.startDate ?? '2025-04-01',
		endDate: fields.endDate ?? '2025-06-30',
		state: 'running',
		genreCode: 'GGGA',
		genreName: fields.genreName ?? '뮤지컬',
		venueId,
		venueName,
		contentHash: id,
	});
	if (fields.posterWidths !== undefined) {
		await db.insert(performanceImages).values({
			performanceId: id,
			kind: 'poster',
			position: 0,
			sourceUrl: `http://www.kopis.or.kr/upload/${id}.jpg`,
			status: 'ready',
			variants: fields.posterWidths.map((width) => ({
				format: 'webp' as const,
				width,
				height: Math.round(width * 1.4),
				path: `posters/${id}-${width}.webp`,
				bytes: width * 10,
			})),
		});
	}
	return id;
}
