/**
 * `<cp-account-menu>` (AccountMenu.astro): the header's login state. The static HTML offers
 * 로그인 / 회원가입; a signed-in visitor gets the username, 내 프로필 and 로그아웃 instead.
 */
import { callApi } from '../api-client.ts';
import { currentUser, loginUrl } from '../current-user.ts';

class AccountMenu extends HTMLElement {
	connectedCallback(): void {
		const login = this.querySelector<HTMLAnchorElement>('[data-login]');
		if (login !== null && !location.pathname.startsWith('/account/')) login.href = loginUrl();
		void this.load();
	}

	private async load(): Promise<void> {
		// A visitor (401) or an API not deployed yet (404) keeps the static links.
		const user = await currentUser();
		if (user === null) return;
		const name = this.querySelector<HTMLElement>('[data-username]');
		if (name !== null) name.textContent = user.username;
		this.querySelector<HTMLElement>('[data-signed-out]')?.setAttribute('hidden', '');
		this.querySelector<HTMLElement>('[data-signed-in]')?.removeAttribute('hidden');
		const logout = this.querySelector<HTMLButtonElement>('[data-logout]');
		if (logout === null) return;
		logout.disabled = false;
		logout.addEventListener('click', () => void this.logout(logout));
	}

	private async logout(button: HTMLButtonElement): Promise<void> {
		button.disabled = true;
		// Whatever the answer, the reload shows the state the server now has.
		await callApi('/api/sessions/current', { method: 'DELETE' });
		location.reload();
	}
}

customElements.define('cp-account-menu', AccountMenu);
