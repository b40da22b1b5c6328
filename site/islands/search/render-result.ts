/** Browser-side: one search result as a card, built with DOM APIs (no HTML strings). */
import { stateFromLabel } from '../../../core/performance-state.ts';
import { element } from '../dom.ts';
import type { PagefindResultData } from './client-search.ts';

/** The badge colour for a state label the page put in the index (StateBadge's classes). */
function stateClass(label: string): string {
	const state = stateFromLabel(label);
	return state === null ? '' : `state-${state}`;
}

/** Only our own pages and media: the index is ours, but a link is checked before it is used. */
function sitePath(value: string | undefined, prefix: string): string | null {
	return value?.startsWith(prefix) === true && !value.startsWith('//') ? value : null;
}

export function renderResult(data: PagefindResultData): HTMLLIElement {
	const item = element('li', 'col');
	const card = element('article', 'performance-card d-flex');
	const frame = element('div', 'poster-frame flex-shrink-0 w-25');
	const image = sitePath(data.meta.image, '/media/');
	if (image !== null) {
		const img = element('img', '');
		img.src = image;
		img.alt = '';
		img.loading = 'lazy';
		img.width = 160;
		img.height = 224;
		frame.append(img);
	}
	const body = element('div', 'card-body');
	const heading = element('h2', 'card-title h6');
	const link = element(
		'a',
		'stretched-link text-reset text-decoration-none',
		data.meta.title ?? '',
	);
	link.href = sitePath(data.url, '/') ?? '/';
	heading.append(link);
	const badges = element('p', 'mb-1 d-flex gap-1 flex-wrap');
	if (data.meta.state !== undefined) {
		badges.append(
			element('span', `badge state-badge ${stateClass(data.meta.state)}`, data.meta.state),
		);
	}
	if (data.meta.genre !== undefined)
		badges.append(element('span', 'badge text-bg-light', data.meta.genre));
	body.append(heading, badges);
	if (data.meta.venue !== undefined) body.append(element('p', 'meta', data.meta.venue));
	if (data.meta.dates !== undefined) body.append(element('p', 'meta', data.meta.dates));
	card.append(frame, body);
	item.append(card);
	return item;
}
