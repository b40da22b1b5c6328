/**
 * `<cp-recommendation-board>` (RecommendationBoard.astro): the recommendations page. Tag chips
 * from the hashtag vocabulary steer the list (kept in the address as ?tags=…); up to twenty
 * recommendations with their reasons; visitors are sent to log in.
 */
import type { RecommendationList, RecommendationTags } from '../../../api/recommend/routes.ts';
import { callApi } from '../api-client.ts';
import { loginUrl } from '../current-user.ts';
import { element } from '../dom.ts';
import { fetchRecommendations, recommendationCard } from './recommend-view.ts';

const PAGE_SIZE = 20;
const MAX_TAGS = 10;
/** Picking several chips in a row makes one request, not one per click. */
const DEBOUNCE_MS = 250;

class RecommendationBoard extends HTMLElement {
	private pending: AbortController | null = null;
	private timer: ReturnType<typeof setTimeout> | null = null;

	private piece<T extends HTMLElement>(name: string): T | null {
		return this.querySelector<T>(`[data-part="${name}"]`);
	}

	connectedCallback(): void {
		this.piece('form')?.addEventListener('submit', (event) => event.preventDefault());
		this.piece('retry')?.addEventListener('click', () => void this.load());
		this.piece('clear')?.addEventListener('click', () => {
			for (const box of this.boxes()) box.checked = false;
			this.changed();
		});
		void this.start();
	}

	private boxes(): HTMLInputElement[] {
		return [...this.querySelectorAll<HTMLInputElement>('input[name="tag"]')];
	}

	private picked(): string[] {
		return this.boxes()
			.filter((box) => box.checked)
			.map((box) => box.value);
	}

	private status(text: string): void {
		const status = this.piece('status');
		if (status !== null) status.textContent = text;
	}

	private async start(): Promise<void> {
		const fromAddress = (new URLSearchParams(location.search).get('tags') ?? '')
			.split(',')
			.map((tag) => tag.trim())
			.filter((tag) => tag !== '');
		// Without the vocabulary the chips stay as the static HTML has them; the list still loads.
		const vocabulary = await callApi<RecommendationTags>('/api/recommendations/tags');
		const chips = this.piece('chips');
		if (chips !== null && vocabulary.ok) {
			chips.replaceChildren(
				...vocabulary.data.tags.map((tag, index) =>
					this.chip(tag, index, fromAddress.includes(tag)),
				),
			);
			this.piece<HTMLFieldSetElement>('fieldset')?.removeAttribute('disabled');
		}
		this.showClear();
		await this.load();
	}

	private chip(tag: string, index: number, checked: boolean): HTMLElement {
		const box = element('input', 'btn-check');
		box.type = 'checkbox';
		box.name = 'tag';
		box.value = tag;
		box.id = `recommend-tag-${index}`;
		box.checked = checked;
		box.autocomplete = 'off';
		box.addEventListener('change', () => {
			if (box.checked && this.picked().length > MAX_TAGS) {
				box.checked = false;
				this.status(`태그는 ${MAX_TAGS}개까지 고를 수 있습니다.`);
				return;
			}
			this.changed();
		});
		const label = element('label', 'btn btn-outline-primary btn-sm', `#${tag}`);
		label.htmlFor = box.id;
		return element('span', '', box, label);
	}

	private showClear(): void {
		const clear = this.piece('clear');
		if (clear !== null) clear.hidden = this.picked().length === 0;
	}

	private changed(): void {
		this.showClear();
		const url = new URL(location.href);
		const tags = this.picked();
		if (tags.length === 0) url.searchParams.delete('tags');
		else url.searchParams.set('tags', tags.join(','));
		history.replaceState(null, '', url);
		if (this.timer !== null) clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.load(), DEBOUNCE_MS);
	}

	private async load(): Promise<void> {
		this.pending?.abort();
		const controller = new AbortController();
		this.pending = controller;
		const list = this.piece('list');
		const retry = this.piece('retry');
		if (retry !== null) retry.hidden = true;
		list?.setAttribute('aria-busy', 'true');
		this.status('추천을 불러오는 중입니다…');
		const answer = await fetchRecommendations(this.picked(), PAGE_SIZE, controller.signal);
		if (controller.signal.aborted) return; // Superseded by a newer request.
		list?.setAttribute('aria-busy', 'false');
		if (answer.kind === 'anonymous') {
			const login = this.piece('login');
			const link = login?.querySelector('a');
			if (link) link.href = loginUrl();
			if (login !== null) login.hidden = false;
			list?.replaceChildren();
			this.status('추천은 로그인한 회원에게 보여 드립니다.');
			return;
		}
		if (answer.kind === 'failed') {
			this.status(answer.message);
			if (retry !== null) retry.hidden = false;
			return;
		}
		list?.replaceChildren(
			...answer.body.recommendations.map((entry) => recommendationCard(entry, 2)),
		);
		this.status(this.summary(answer.body));
	}

	private summary(body: RecommendationList): string {
		if (body.recommendations.length === 0) {
			return '지금 추천할 공연이 없습니다. 고른 태그를 바꿔 보세요.';
		}
		const count = `${body.recommendations.length}편을 추천합니다.`;
		const tags =
			body.pickedTags.length === 0
				? ''
				: ` 고른 태그: ${body.pickedTags.map((tag) => `#${tag}`).join(' ')}.`;
		const basis = body.personal
			? ' 내 후기와 찜을 바탕으로 골랐어요.'
			: ' 아직 후기나 찜이 없어 고른 태그와 이번 주 인기 공연으로 골랐어요.';
		return `${count}${basis}${tags}`;
	}
}

customElements.define('cp-recommendation-board', RecommendationBoard);
