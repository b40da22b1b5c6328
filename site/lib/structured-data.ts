/** schema.org Event JSON-LD for performance pages, serialised safely for an inline script. */
import type { PerformanceDetail } from './performance-detail.ts';

const EVENT_TYPES: Readonly<Record<string, string>> = {
	AAAA: 'TheaterEvent',
	GGGA: 'TheaterEvent',
	CCCA: 'MusicEvent',
	CCCC: 'MusicEvent',
	CCCD: 'MusicEvent',
	BBBC: 'DanceEvent',
	BBBE: 'DanceEvent',
};

/** Performers listed in JSON-LD; a 200-name ensemble adds bytes, not meaning. */
const PERFORMER_LIMIT = 20;

export function eventJsonLd(detail: PerformanceDetail, site: URL): Record<string, unknown> {
	const { summary, venue } = detail;
	const absolute = (path: string): string => new URL(path, site).href;
	const prices = detail.prices.map((tier) => tier.price);
	const organizer = detail.producers[0];
	const description =
		detail.synopsis[0] ?? `${summary.venueName}에서 열리는 ${summary.genre.name} 공연`;
	return {
		'@context': 'https://schema.org',
		'@type': EVENT_TYPES[summary.genre.code] ?? 'Event',
		name: summary.title,
		url: absolute(summary.path),
		startDate: summary.startDate,
		endDate: summary.endDate,
		eventStatus: 'https://schema.org/EventScheduled',
		eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
		description,
		...(detail.shareImage === null ? {} : { image: [absolute(detail.shareImage)] }),
		location: {
			'@type': 'Place',
			name: summary.venueName,
			...(venue?.address === null || venue === null
				? {}
				: {
						address: {
							'@type': 'PostalAddress',
							streetAddress: venue.address,
							...(venue.region === null ? {} : { addressRegion: venue.region.name }),
							addressCountry: 'KR',
						},
					}),
			...(venue === null || venue.latitude === null || venue.longitude === null
				? {}
				: {
						geo: {
							'@type': 'GeoCoordinates',
							latitude: venue.latitude,
							longitude: venue.longitude,
						},
					}),
		},
		...(detail.cast.length === 0
			? {}
			: {
					performer: detail.cast
						.slice(0, PERFORMER_LIMIT)
						.map((person) => ({ '@type': 'Person', name: person.name })),
				}),
		...(organizer === undefined
			? {}
			: { organizer: { '@type': 'Organization', name: organizer.value } }),
		...(prices.length === 0
			? {}
			: {
					offers: {
						'@type': 'AggregateOffer',
						priceCurrency: 'KRW',
						lowPrice: Math.min(...prices),
						highPrice: Math.max(...prices),
						offerCount: prices.length,
						...(detail.bookingLinks[0] === undefined ? {} : { url: detail.bookingLinks[0].url }),
						// Whether seats remain is not in KOPIS; only a finished run is known to sell nothing.
						...(summary.state === 'finished' ? {} : { availability: 'https://schema.org/InStock' }),
					},
				}),
		...(detail.rating === null || detail.rating.count === 0
			? {}
			: {
					aggregateRating: {
						'@type': 'AggregateRating',
						ratingValue: Number(detail.rating.average.toFixed(2)),
						ratingCount: detail.rating.count,
						bestRating: 5,
						worstRating: 0.5,
					},
				}),
	};
}

/**
 * JSON for `<script type="application/ld+json">`: `<`, `>` and `&` are escaped so no value can
 * close the script element or open a comment, and U+2028/2029 so old parsers don't break lines.
 */
export function serializeJsonLd(data: unknown): string {
	return JSON.stringify(data)
		.replaceAll('<', '\\u003c')
		.replaceAll('>', '\\u003e')
		.replaceAll('&', '\\u0026')
		.replaceAll('\u2028', '\\u2028')
		.replaceAll('\u2029', '\\u2029');
}
