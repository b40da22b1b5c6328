/**
 * Pieces of the recommendation islands: the API call and the card. Everything from the API goes
 * in as text (textContent, never innerHTML); posters only from our own /media/.
 */
import type { RecommendationList } from '../../../api/recommend/routes.ts';
import { STATE_LABELS } from '../../../core/performance-state.ts';
import { formatRun } from '../../lib/format.ts';
import { callApi, failureMessage } from '../api-client.ts';
import { element } from '../dom.ts';

export type RecommendationEntry = RecommendationList['recommendations'][number];

export type RecommendationAnswer =
	| { kind: 'list'; body: RecommendationList }
	| { kind: 'anonymous' }
	| { kind: 'failed'; message: string };

/** The caller's `signal` aborts a request a newer one supersedes; it then answers `failed`. */
export async function fetchRecommendations(
	tags: readonly string[],
	limit: number,
	signal?: AbortSignal,
): Promise<RecommendationAnswer> {
	const query = new URLSearchParams({ limit: String(limit) });
	if (tags.length > 0) query.set('tags', tags.join(','));
	const result = await callApi<RecommendationList>(
		`/api/recommendations?${query}`,
		signal === undefined ? {} : { signal },
	);
	if (result.ok) return { kind: 'list', body: result.data };
	if (result.status === 401) return { kind: 'anonymous' };
	if (result.status === 0 || result.error !== null) {
		return { kind: 'failed', message: failureMessage(result) };
	}
	return { kind: 'failed', message: '추천을 불러오지 못했습니다. 잠시 후 다시 시도해 주세요.' };
}

/** Only our own media paths: a poster URL that points elsewhere is dropped. */
function posterPath(url: string | null): string | null {
	if (url === null || !url.startsWith('/media/')) return null;
	return url;
}

/** A performance card (same look as PerformanceCard.astro) with the first `reasonCount` reasons. */
export function recommendationCard(entry: RecommendationEntry, reasonCount: number): HTMLLIElement {
	const { performance } = entry;
	const frame = element('div', 'poster-frame');
	const poster = posterPath(performance.posterUrl);
	if (poster === null) {
		frame.append(element('div', 'poster-missing', performance.title));
	} else {
		const image = element('img', '');
		image.src = poster;
		image.alt = '';
		image.loading = 'lazy';
		frame.append(image);
	}
	frame.append(
		element(
			'span',
			`badge state-badge state-${performance.state}`,
			STATE_LABELS[performance.state],
		),
	);
	const link = element('a', 'stretched-link text-reset text-decoration-none', performance.title);
	link.href = performance.path;
	const body = element(
		'div',
		'card-body',
		element('h3', 'card-title', link),
		element('p', 'meta', performance.venueName),
		element('p', 'meta', formatRun(performance.startDate, performance.endDate)),
	);
	const reasons = entry.reasons.slice(0, reasonCount);
	if (reasons.length > 0) {
		const list = element('ul', 'recommend-reasons list-unstyled mb-0 mt-2');
		list.append(...reasons.map((reason) => element('li', 'small', reason.text)));
		body.append(list);
	}
	return element('li', 'col', element('article', 'performance-card', frame, body));
}
