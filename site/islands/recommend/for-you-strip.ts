/**
 * `<cp-for-you>` (ForYouStrip.astro): the home page's eight recommendations for a signed-in
 * user; anyone else keeps the static invitation to log in.
 */
import { fetchRecommendations, recommendationCard } from './recommend-view.ts';

const STRIP_SIZE = 8;

class ForYou extends HTMLElement {
	connectedCallback(): void {
		void this.load();
	}

	private async load(): Promise<void> {
		const answer = await fetchRecommendations([], STRIP_SIZE);
		// Visitors keep the invitation; a failure is not worth a message on the home page.
		if (answer.kind !== 'list' || answer.body.recommendations.length === 0) return;
		const list = this.querySelector<HTMLElement>('[data-part="list"]');
		const status = this.querySelector<HTMLElement>('[data-part="status"]');
		if (list === null || status === null) return;
		list.replaceChildren(
			...answer.body.recommendations.map((entry) => recommendationCard(entry, 1)),
		);
		list.hidden = false;
		status.textContent = answer.body.personal
			? '내 후기와 찜을 바탕으로 골랐어요.'
			: '이번 주 인기 공연이에요. 후기를 남기거나 찜하면 내 취향에 맞춰 골라 드려요.';
	}
}

customElements.define('cp-for-you', ForYou);
