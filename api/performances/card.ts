/**
 * The short form of a performance that favorites and the viewing history list: title, dates, the
 * state on today's date, venue, genre and a small poster. Built from one join so a list page is
 * one query.
 */

import { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { koreanToday } from '../../core/korean-today.ts';
import { mediaUrl, smallestVariantAtLeast } from '../../core/media-url.ts';
import { PERFORMANCE_STATES, STATE_LABELS, stateOn } from '../../core/performance-state.ts';
import { type ImageVariant, performanceImages, performances } from '../../db/schema/index.ts';

export const PerformanceCard = z
	.object({
		id: z.string(),
		title: z.string(),
		startDate: z.string().openapi({ format: 'date' }),
		endDate: z.string().openapi({ format: 'date' }),
		state: z.enum(PERFORMANCE_STATES).openapi({
			description: `오늘 날짜 기준: ${PERFORMANCE_STATES.map((state) => `${STATE_LABELS[state]} ${state}`).join(', ')}`,
		}),
		genreName: z.string(),
		venueName: z.string(),
		/** Site path of the page. */
		path: z.string(),
		/** A small processed poster under /media/, or null (KOPIS's own URLs are never passed on). */
		posterUrl: z.string().nullable(),
	})
	.openapi('PerformanceCard');
export type PerformanceCard = z.infer<typeof PerformanceCard>;

/** Cards are shown about 80 CSS px wide: the smallest variant of at least twice that. */
const POSTER_MIN_WIDTH = 160;

/** Columns to select beside a list's own, joined with `posterJoin`. */
export const cardColumns = {
	performanceId: performances.id,
	title: performances.title,
	startDate: performances.startDate,
	endDate: performances.endDate,
	genreName: performances.genreName,
	venueName: performances.venueName,
	posterStatus: performanceImages.status,
	posterVariants: performanceImages.variants,
};

/** The join condition for the poster (kind poster, position 0) of `performances`. */
export const posterJoin = and(
	eq(performanceImages.performanceId, performances.id),
	eq(performanceImages.kind, 'poster'),
	eq(performanceImages.position, 0),
);

type CardRow = {
	performanceId: string;
	title: string;
	startDate: string;
	endDate: string;
	genreName: string;
	venueName: string;
	posterStatus: string | null;
	posterVariants: ImageVariant[] | null;
};

/** WebP first (every current browser), then JPEG; AVIF alone is skipped for older browsers. */
export function posterUrl(
	status: string | null,
	variants: readonly ImageVariant[] | null,
): string | null {
	if (status !== 'ready' || variants === null) return null;
	const chosen = smallestVariantAtLeast(variants, ['webp', 'jpeg'], POSTER_MIN_WIDTH);
	return chosen === null ? null : mediaUrl(chosen.path);
}

export function toCard(row: CardRow, now: number): PerformanceCard {
	return {
		id: row.performanceId,
		title: row.title,
		startDate: row.startDate,
		endDate: row.endDate,
		state: stateOn(row.startDate, row.endDate, koreanToday(now)),
		genreName: row.genreName,
		venueName: row.venueName,
		path: `/performances/${encodeURIComponent(row.performanceId)}/`,
		posterUrl: posterUrl(row.posterStatus, row.posterVariants),
	};
}
