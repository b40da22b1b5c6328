/**
 * `<cp-reviews>` (ReviewsSection.astro): a performance's reviews, paged and sorted, with the live
 * rating summary, and the signed-in reader's own review to write, edit or delete.
 */
import type { ReviewSort } from '../../../api/reviews/fields.ts';
import type { ReviewList } from '../../../api/reviews/routes.ts';
import { type ApiFailure, failureMessage } from '../api-client.ts';
import { type CurrentUser, currentUser, loginUrl } from '../current-user.ts';
import { element } from '../dom.ts';
import { createReview, deleteReview, fetchReviews, updateReview } from './review-api.ts';
import { checkLocally, fillReview, readReview, showErrors } from './review-form.ts';
import { renderSummary, reviewItem } from './review-view.ts';

const PER_PAGE = 10;
const SORTS: readonly ReviewSort[] = ['newest', 'highest', 'lowest'];

class Reviews extends HTMLElement {
	private sort: ReviewSort = 'newest';
	private page = 1;
	private list: ReviewList | null = null;
	private user: CurrentUser | null = null;
	private editing = false;

	private find<T extends HTMLElement>(selector: string): T {
		const found = this.querySelector<T>(selector);
		if (found === null) throw new Error(`cp-reviews: missing ${selector}`);
		return found;
	}

	private get form(): HTMLFormElement {
		return this.find('[data-form]');
	}

	private get performanceId(): string {
		return this.dataset.performanceId ?? '';
	}

	connectedCallback(): void {
		const sort = this.find<HTMLSelectElement>('[data-sort]');
		sort.disabled = false;
		sort.addEventListener('change', () => {
			this.sort = SORTS.find((value) => value === sort.value) ?? 'newest';
			this.page = 1;
			void this.load();
		});
		this.find('[data-prev]').addEventListener('click', () => void this.turn(-1));
		this.find('[data-next]').addEventListener('click', () => void this.turn(1));
		this.find('[data-retry]').addEventListener('click', () => void this.load());
		this.find('[data-edit]').addEventListener('click', () => this.startEdit());
		this.find('[data-cancel]').addEventListener('click', () => this.stopEdit());
		this.find('[data-delete]').addEventListener('click', () => this.askDelete(true));
		this.find('[data-cancel-delete]').addEventListener('click', () => this.askDelete(false));
		this.find('[data-confirm-delete]').addEventListener('click', () => void this.deleteMine());
		this.form.addEventListener('submit', (event) => {
			event.preventDefault();
			void this.submit();
		});
		void this.start();
	}

	private async start(): Promise<void> {
		const [user] = await Promise.all([currentUser(), this.load()]);
		this.user = user;
		this.renderCompose();
	}

	private status(text: string): void {
		this.find('[data-status]').textContent = text;
	}

	private formStatus(text: string): void {
		this.find('[data-form-status]').textContent = text;
	}

	private async turn(step: number): Promise<void> {
		this.page += step;
		await this.load();
		this.find('[data-list-heading]').focus();
	}

	/** Loading, empty and error states live in the status line; the old page stays until replaced. */
	private async load(): Promise<void> {
		const list = this.find('[data-list]');
		const retry = this.find('[data-retry]');
		retry.hidden = true;
		list.setAttribute('aria-busy', 'true');
		this.status('후기를 불러오는 중입니다…');
		const result = await fetchReviews(this.performanceId, {
			sort: this.sort,
			page: this.page,
			perPage: PER_PAGE,
		});
		list.setAttribute('aria-busy', 'false');
		if (!result.ok) {
			this.status(`후기를 불러오지 못했습니다. ${failureMessage(result)}`);
			retry.hidden = false;
			return;
		}
		this.list = result.data;
		this.renderList(result.data);
	}

	private renderList(data: ReviewList): void {
		const mineId = data.mine?.id ?? null;
		this.find('[data-list]').replaceChildren(
			...data.reviews.map((review) => reviewItem(review, review.id === mineId)),
		);
		const summary = this.closest('section')?.querySelector<HTMLElement>('[data-rating-summary]');
		if (summary !== null && summary !== undefined) renderSummary(summary, data.summary);
		const { page, pages, total } = data.paging;
		this.status(
			total === 0
				? '아직 후기가 없습니다. 첫 후기를 남겨 주세요.'
				: data.reviews.length === 0
					? '이 페이지에는 후기가 없습니다.'
					: `후기 ${total.toLocaleString('ko-KR')}개`,
		);
		this.find('[data-pager]').hidden = pages <= 1;
		this.find('[data-page-label]').textContent = `${page} / ${Math.max(pages, 1)}`;
		this.find<HTMLButtonElement>('[data-prev]').disabled = page <= 1;
		this.find<HTMLButtonElement>('[data-next]').disabled = page >= pages;
	}

	/** Who is asking decides what sits above the list: a login prompt, the form, or their review. */
	private renderCompose(): void {
		const hint = this.find('[data-login-hint]');
		const mineBox = this.find('[data-mine]');
		const fieldset = this.find<HTMLFieldSetElement>('[data-fieldset]');
		const mine = this.list?.mine ?? null;
		this.askDelete(false);
		if (this.user === null) {
			const link = element('a', '', '로그인');
			link.href = loginUrl();
			hint.replaceChildren('후기를 남기려면 ', link, '하세요.');
			hint.hidden = false;
			mineBox.hidden = true;
			this.form.hidden = true;
			return;
		}
		hint.hidden = true;
		if (mine !== null && !this.editing) {
			this.find('[data-mine-item]').replaceChildren(reviewItem(mine, true));
			mineBox.hidden = false;
			this.form.hidden = true;
			return;
		}
		mineBox.hidden = true;
		this.form.hidden = false;
		fieldset.disabled = false;
		this.find('[data-form-title]').textContent = this.editing ? '내 후기 수정' : '후기 남기기';
		this.find('[data-submit]').textContent = this.editing ? '수정 저장' : '후기 등록';
		this.find('[data-cancel]').hidden = !this.editing;
	}

	private startEdit(): void {
		const mine = this.list?.mine ?? null;
		if (mine === null) return;
		this.editing = true;
		fillReview(this.form, mine);
		this.renderCompose();
		this.find('[data-form] select[name="rating"]').focus();
	}

	private stopEdit(): void {
		this.editing = false;
		this.renderCompose();
		this.find<HTMLButtonElement>('[data-edit]').focus();
	}

	private askDelete(show: boolean): void {
		this.find('[data-confirm]').hidden = !show;
		this.find('[data-mine-actions]').hidden = show;
		if (show) this.find('[data-confirm-delete]').focus();
	}

	/** After any write: the list, the summary and "my review" come fresh from the API. */
	private async refresh(message: string): Promise<void> {
		this.editing = false;
		await this.load();
		this.renderCompose();
		this.formStatus(message);
	}

	private async handleFailure(result: ApiFailure): Promise<void> {
		if (result.status === 401) {
			this.user = null;
			this.renderCompose();
			this.formStatus('로그인이 끝났습니다. 다시 로그인해 주세요.');
			return;
		}
		if (result.status === 400 && result.error?.fields !== undefined) {
			if (showErrors(this.form, result.error.fields)) return;
		}
		// 409 (already reviewed), 403 or 404: the list shows the real state again.
		if ([403, 404, 409].includes(result.status)) await this.refresh(failureMessage(result));
		else this.formStatus(failureMessage(result));
	}

	private async submit(): Promise<void> {
		const local = checkLocally(this.form);
		if (Object.keys(local).length > 0) {
			showErrors(this.form, local);
			return;
		}
		const fieldset = this.find<HTMLFieldSetElement>('[data-fieldset]');
		const review = readReview(this.form);
		const mine = this.list?.mine ?? null;
		fieldset.disabled = true;
		this.formStatus(this.editing ? '수정하는 중입니다…' : '등록하는 중입니다…');
		const result =
			this.editing && mine !== null
				? await updateReview(mine.id, review)
				: await createReview(this.performanceId, review);
		fieldset.disabled = false;
		if (!result.ok) {
			await this.handleFailure(result);
			return;
		}
		const message = this.editing ? '후기를 수정했습니다.' : '후기를 등록했습니다.';
		fillReview(this.form, null);
		this.page = 1;
		await this.refresh(message);
	}

	private async deleteMine(): Promise<void> {
		const mine = this.list?.mine ?? null;
		if (mine === null) return;
		const button = this.find<HTMLButtonElement>('[data-confirm-delete]');
		button.disabled = true;
		const result = await deleteReview(mine.id);
		button.disabled = false;
		if (!result.ok) {
			await this.handleFailure(result);
			return;
		}
		this.page = 1;
		await this.refresh('후기를 삭제했습니다.');
		// The focused button is gone with the review: continue from the form that replaced it.
		this.find('[data-form] select[name="rating"]').focus();
	}
}

customElements.define('cp-reviews', Reviews);
