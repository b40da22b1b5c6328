/**
 * `<cp-favorite-button>` (FavoriteButton.astro): 찜하기 on a performance page. Disabled until the
 * visitor's state is known; visitors are sent to log in.
 */
import { failureMessage } from '../api-client.ts';
import { currentUser, loginUrl } from '../current-user.ts';
import { fetchFavorite, setFavorite } from './favorite-api.ts';

class FavoriteButton extends HTMLElement {
	private button: HTMLButtonElement | null = null;

	connectedCallback(): void {
		this.button = this.querySelector('button');
		if (this.button === null) return;
		this.button.addEventListener('click', () => void this.toggle());
		void this.loadState();
	}

	private get performanceId(): string {
		return this.dataset.performanceId ?? '';
	}

	private show(pressed: boolean): void {
		if (this.button === null) return;
		this.button.setAttribute('aria-pressed', String(pressed));
		const icon = this.querySelector('[data-icon]');
		const label = this.querySelector('[data-label]');
		if (icon !== null) icon.textContent = pressed ? '♥' : '♡';
		if (label !== null) label.textContent = pressed ? '찜한 공연' : '찜하기';
	}

	private notice(text: string): void {
		const status = this.querySelector('[data-status]');
		if (status !== null) status.textContent = text;
	}

	/** Enabled only once the state is known, so a click never toggles the wrong way. */
	private async loadState(): Promise<void> {
		if (this.button === null) return;
		this.button.setAttribute('aria-busy', 'true');
		const user = await currentUser();
		if (user !== null) {
			const result = await fetchFavorite(this.performanceId);
			if (!result.ok) {
				this.button.removeAttribute('aria-busy');
				this.notice(`찜 상태를 불러오지 못했습니다. ${failureMessage(result)}`);
				return;
			}
			this.show(result.data.favorite);
		}
		this.button.removeAttribute('aria-busy');
		this.button.disabled = false;
	}

	private async toggle(): Promise<void> {
		if (this.button === null) return;
		if ((await currentUser()) === null) {
			location.href = loginUrl();
			return;
		}
		const wanted = this.button.getAttribute('aria-pressed') !== 'true';
		this.button.disabled = true;
		const result = await setFavorite(this.performanceId, wanted);
		this.button.disabled = false;
		if (result.ok) {
			this.show(wanted);
			this.notice(wanted ? '찜 목록에 담았습니다.' : '찜 목록에서 뺐습니다.');
		} else if (result.status === 401) location.href = loginUrl();
		else this.notice(failureMessage(result));
	}
}

customElements.define('cp-favorite-button', FavoriteButton);
